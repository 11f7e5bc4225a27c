import { NETWORK_DISABLED } from "./engine";

/**
 * Evaluated in each fresh QuickJS context before the candidate's code: what a program may use besides the
 * language itself (console, readline, timers), stubs that explain what it may not (the network, require),
 * and the helpers the engine calls (a test's call, a value as JSON). The host passes in two functions only:
 * __host_write(stream, text) and __host_readline().
 */
export const JAVASCRIPT_PRELUDE = String.raw`
(() => {
  "use strict";
  const write = globalThis.__host_write;
  const readLine = globalThis.__host_readline;
  delete globalThis.__host_write;
  delete globalThis.__host_readline;
  const hidden = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });

  const MAX_ITEMS = 100;
  const quote = (text) => "'" + text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n") + "'";
  const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));
  const list = (items, more) => (items.length === 0 && more === 0 ? "" : " " + items.join(", ") + (more > 0 ? ", ... " + more + " more items" : "") + " ");
  function inspect(value, depth, seen) {
    switch (typeof value) {
      case "string": return depth === 0 ? value : quote(value);
      case "number": return Object.is(value, -0) ? "-0" : String(value);
      case "bigint": return value + "n";
      case "undefined": case "boolean": case "symbol": return String(value);
      case "function": return /^class\b/.test(Function.prototype.toString.call(value)) ? "[class " + (value.name || "(anonymous)") + "]" : "[Function: " + (value.name || "(anonymous)") + "]";
    }
    if (value === null) return "null";
    if (value instanceof Error) return value.stack ? value.name + ": " + value.message + "\n" + value.stack.replace(/\n$/, "") : String(value);
    if (value instanceof Date) return isNaN(value) ? "Invalid Date" : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (seen.includes(value)) return "[Circular]";
    if (depth > 2) return Array.isArray(value) ? "[Array]" : "[Object]";
    const inner = (item) => inspect(item, depth + 1, [...seen, value]);
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      const items = Array.from(value).slice(0, MAX_ITEMS).map(inner);
      return "[" + list(items, value.length - items.length) + "]";
    }
    if (value instanceof Map) return "Map(" + value.size + ") {" + list([...value].slice(0, MAX_ITEMS).map(([k, v]) => inner(k) + " => " + inner(v)), value.size - Math.min(value.size, MAX_ITEMS)) + "}";
    if (value instanceof Set) return "Set(" + value.size + ") {" + list([...value].slice(0, MAX_ITEMS).map(inner), value.size - Math.min(value.size, MAX_ITEMS)) + "}";
    const names = Object.keys(value);
    const items = names.slice(0, MAX_ITEMS).map((name) => key(name) + ": " + inner(value[name]));
    const prototype = Object.getPrototypeOf(value);
    const label = prototype === null ? "[Object: null prototype] " : prototype !== Object.prototype && prototype.constructor && prototype.constructor.name ? prototype.constructor.name + " " : "";
    return label + "{" + list(items, names.length - items.length) + "}";
  }
  const format = (args) => args.map((arg) => inspect(arg, 0, [])).join(" ") + "\n";
  const out = (...args) => write(0, format(args));
  const err = (...args) => write(1, format(args));
  hidden("console", { log: out, info: out, debug: out, trace: out, dir: out, table: out, warn: err, error: err });

  // Standard input, a line at a time, as in the d8 and SpiderMonkey shells: null at the end.
  hidden("readline", () => { const line = readLine(); return line === undefined ? null : line; });

  // Timers run after the program's synchronous code and its promises, in order of due time, without waiting.
  const timers = [];
  let sequence = 0;
  let clock = 0;
  const schedule = (fn, ms, args, every) => {
    if (typeof fn !== "function") throw new TypeError("The callback must be a function");
    const id = ++sequence;
    const delay = Math.max(0, Number(ms) || 0);
    timers.push({ id, at: clock + delay, fn, args, every: every ? Math.max(1, delay) : 0 });
    return id;
  };
  const cancel = (id) => { const index = timers.findIndex((timer) => timer.id === id); if (index >= 0) timers.splice(index, 1); };
  hidden("setTimeout", (fn, ms, ...args) => schedule(fn, ms, args, false));
  hidden("setInterval", (fn, ms, ...args) => schedule(fn, ms, args, true));
  hidden("setImmediate", (fn, ...args) => schedule(fn, 0, args, false));
  hidden("clearTimeout", cancel);
  hidden("clearInterval", cancel);
  hidden("queueMicrotask", (fn) => { Promise.resolve().then(fn); });
  hidden("__mockroom_next_timer", () => {
    if (timers.length === 0) return false;
    timers.sort((a, b) => a.at - b.at || a.id - b.id);
    const timer = timers.shift();
    clock = timer.at;
    if (timer.every) timers.push({ ...timer, at: clock + timer.every });
    timer.fn(...timer.args);
    return true;
  });

  const offline = (name) => function () { throw new Error(name + ": " + ${JSON.stringify(NETWORK_DISABLED)}); };
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "Worker"]) hidden(name, offline(name));
  hidden("require", (name) => { throw new Error("require(" + JSON.stringify(String(name)) + "): modules cannot be loaded in the code runner; the language's built-ins are all there is."); });
  hidden("module", { exports: {} });
  hidden("exports", globalThis.module.exports);

  // A returned value as JSON: NaN and the infinities as Python writes them, Sets and typed arrays as arrays,
  // Maps as objects; a function, a symbol or a cycle cannot be compared.
  function toJson(value, seen) {
    if (value === null || value === undefined) return "null";
    switch (typeof value) {
      case "number": return Number.isNaN(value) ? "NaN" : value === Infinity ? "Infinity" : value === -Infinity ? "-Infinity" : JSON.stringify(value);
      case "bigint": return value.toString();
      case "boolean": return String(value);
      case "string": return JSON.stringify(value);
      case "function": case "symbol": throw new TypeError("The function returned a " + typeof value + ", which cannot be compared with the expected value");
    }
    if (seen.includes(value)) throw new TypeError("The returned value contains a cycle, which cannot be compared");
    const inner = (item) => toJson(item, [...seen, value]);
    if (typeof value.toJSON === "function") return toJson(value.toJSON(), [...seen, value]);
    if (Array.isArray(value) || ArrayBuffer.isView(value) || value instanceof Set) return "[" + Array.from(value, inner).join(", ") + "]";
    const entries = value instanceof Map ? [...value].map(([k, v]) => [String(k), v]) : Object.entries(value);
    const kept = entries.filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
    return "{" + kept.map(([k, v]) => JSON.stringify(k) + ": " + inner(v)).join(", ") + "}";
  }
  hidden("__mockroom_json", (value) => toJson(value, []));

  // A test's call: the entry by its name (a function declaration, a const, or module.exports).
  hidden("__mockroom_call", (name, argsJson) => {
    let fn;
    try { fn = (0, eval)(name); } catch { fn = undefined; }
    const exported = globalThis.module.exports;
    if (typeof fn !== "function") fn = typeof exported === "function" && exported.name === name ? exported : exported && exported[name];
    if (typeof fn !== "function") throw new ReferenceError(name + " is not defined: the tests call a function named " + name + ".");
    // The host has read the arguments as JSON with NaN and ±Infinity allowed; those bare words are also JavaScript.
    let args;
    try { args = JSON.parse(argsJson); } catch { args = (0, eval)("(" + argsJson + ")"); }
    return fn(...args);
  });
})();
`;
