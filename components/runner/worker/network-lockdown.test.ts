import { describe, expect, it } from "vitest";
import { lockNetwork } from "./network-lockdown";

describe("the worker's network lockdown", () => {
  it("replaces what fetches on the global and on the prototypes it inherits from, with a clear error", () => {
    const inherited = { fetch: () => "network!", importScripts: () => "scripts!" };
    const scope = Object.assign(Object.create(inherited) as Record<string, unknown>, { XMLHttpRequest: class {}, postMessage: () => "posted" });
    lockNetwork(scope);
    const call = (name: string) => () => (scope[name] as () => unknown)();
    expect(call("fetch")).toThrow("fetch: Network access is disabled in the code runner");
    expect(() => (Object.getPrototypeOf(scope) as typeof inherited).fetch()).toThrow(/Network access is disabled/);
    expect(() => (Object.getPrototypeOf(scope) as typeof inherited).importScripts()).toThrow(/Network access is disabled/);
    expect(() => new (scope.XMLHttpRequest as new () => unknown)()).toThrow("XMLHttpRequest: Network access is disabled in the code runner");
    expect(call("WebSocket")).toThrow(/Network access is disabled/);
    expect(call("postMessage")).toThrow("postMessage: not available to a program in the code runner.");
  });

  it("cannot be undone by the program", () => {
    const scope: Record<string, unknown> = { fetch: () => "network!" };
    lockNetwork(scope);
    expect(() => {
      "use strict";
      scope.fetch = () => "again";
    }).toThrow(TypeError);
    expect(() => delete scope.fetch).toThrow(TypeError);
  });
});
