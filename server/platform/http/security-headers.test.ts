import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isRuntimePath, runtimeContentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./security-headers";

/** "camera=(self), usb=()" as { camera: ["self"], usb: [] }. */
function allowlists(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header.split(",").map((entry) => {
      const [feature = "", list = ""] = entry.trim().split("=");
      return [
        feature,
        list
          .replace(/^\(|\)$/g, "")
          .split(/\s+/)
          .filter(Boolean),
      ];
    }),
  );
}

/** "default-src 'self'; img-src 'self' data:" as { "default-src": ["'self'"], "img-src": ["'self'", "data:"] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("Permissions-Policy", () => {
  const features = allowlists(STATIC_SECURITY_HEADERS["Permissions-Policy"] ?? "");

  it("lets this origin's pages, and no other origin, use the camera, the microphone and screen capture", () => {
    expect(features.camera).toEqual(["self"]);
    expect(features.microphone).toEqual(["self"]);
    expect(features["display-capture"]).toEqual(["self"]);
  });

  it("keeps everything else it names off", () => {
    expect(features.geolocation).toEqual([]);
    expect(features.payment).toEqual([]);
    expect(features.usb).toEqual([]);
  });

  it("opens nothing to another origin", () => {
    for (const [feature, origins] of Object.entries(features))
      expect(
        origins.every((origin) => origin === "self"),
        feature,
      ).toBe(true);
  });
});

describe("the page's Content-Security-Policy and the call", () => {
  const policy = directives(contentSecurityPolicy("nonce", { dev: false }));

  it("connects to the app alone: ICE (STUN, TURN, peers) is outside connect-src in browsers, so no ICE server is listed", () => {
    expect(policy["connect-src"]).toEqual(["'self'"]);
  });

  it("names no `webrtc` directive, which Chromium does not recognise (and whose default is allow)", () => {
    expect(policy.webrtc).toBeUndefined();
  });

  it("needs nothing for video from a camera or a peer: srcObject loads no URL, so media stays the app's own", () => {
    expect(policy["media-src"]).toBeUndefined();
    expect(policy["default-src"]).toEqual(["'self'"]);
  });
});

describe("the code runner's worker policy", () => {
  it("lets a worker load scripts and fetch from the runtimes folder of its host only, and compile WebAssembly", () => {
    const policy = directives(runtimeContentSecurityPolicy("mockroom.example:8443"));
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toEqual(["mockroom.example:8443/runtimes/", "'wasm-unsafe-eval'"]);
    expect(policy["connect-src"]).toEqual(["mockroom.example:8443/runtimes/"]);
  });

  it("allows no eval, no other path of the app (its API) and no other origin", () => {
    const policy = directives(runtimeContentSecurityPolicy("127.0.0.1:3000"));
    const sources = Object.values(policy).flat();
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'self'");
    expect(sources.filter((source) => !source.startsWith("'"))).toEqual(["127.0.0.1:3000/runtimes/", "127.0.0.1:3000/runtimes/"]);
  });

  it("falls back to 'self' when the Host header is missing or not a plain host", () => {
    for (const host of [undefined, "", "evil.example/runtimes/ *", "a b", "x;script-src *", "[::1]:3000x"]) {
      const policy = directives(runtimeContentSecurityPolicy(host));
      expect(policy["script-src"], String(host)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    }
    expect(directives(runtimeContentSecurityPolicy("[::1]:3000"))["connect-src"]).toEqual(["[::1]:3000/runtimes/"]);
  });

  it("covers the runtimes folder and nothing else", () => {
    expect(isRuntimePath("/runtimes/python.worker.js")).toBe(true);
    expect(isRuntimePath("/runtimesx")).toBe(false);
    expect(isRuntimePath("/room/runtimes/")).toBe(false);
  });
});
