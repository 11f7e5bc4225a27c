import { NETWORK_DISABLED } from "./engine";

/**
 * Everything in a worker that can reach a URL: replaced once the runtime has loaded its own files, before
 * any program runs. Python reaches the worker's globals (`import js`, pyodide.http), so they must hold
 * nothing that fetches; QuickJS and PostgreSQL reach no host object at all. The worker's own
 * Content-Security-Policy (server/platform/http/security-headers.ts) blocks the rest, such as a script
 * evaluated from a string.
 */
export const NETWORK_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "WebTransport",
  "importScripts",
  "Worker",
  "SharedWorker",
  "FontFace",
  "BroadcastChannel",
  "caches",
] as const;

/**
 * Also `postMessage` and `close`: the worker host keeps its own reference to post results, and a program
 * may neither post messages that look like the runner's nor end its worker quietly.
 */
export const HOST_GLOBALS = ["postMessage", "close"] as const;

/**
 * Replaces each of them on the global object and on every prototype it inherits them from (Chromium puts
 * fetch and importScripts on WorkerGlobalScope.prototype, where `Object.getPrototypeOf(self).fetch` would
 * still find the original). The replacement throws a clear error, also when called with `new`.
 */
export function lockNetwork(scope: object): void {
  for (const name of [...NETWORK_GLOBALS, ...HOST_GLOBALS]) {
    const message = `${name}: ${(NETWORK_GLOBALS as readonly string[]).includes(name) ? NETWORK_DISABLED : "not available to a program in the code runner."}`;
    const refuse = function refused(): never {
      throw new Error(message);
    };
    for (let holder: object | null = scope; holder !== null; holder = Object.getPrototypeOf(holder) as object | null) {
      if (holder === scope || Object.hasOwn(holder, name)) {
        Object.defineProperty(holder, name, { value: refuse, writable: false, configurable: false, enumerable: false });
      }
    }
  }
}
