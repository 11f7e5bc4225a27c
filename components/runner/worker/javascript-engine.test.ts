import variant from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant } from "quickjs-emscripten-core";
import { transform } from "sucrase";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Engine } from "./engine";
import { createJavaScriptEngine } from "./javascript-engine";
import { capWasmMemory } from "./memory-cap";
import { runOn } from "./test-io";

let engine: Engine;
let freshEngine: () => Promise<Engine>;
let uncap: () => void;
const MEMORY = 64 * 1024 * 1024;

beforeAll(() => {
  // As the worker does (worker-host.ts): QuickJS's own accounting does not bound its wasm memory.
  uncap = capWasmMemory(() => 2 * MEMORY);
  freshEngine = async () => createJavaScriptEngine(await newQuickJSWASMModuleFromVariant(variant));
});
// A fresh runtime for each test, as each run gets in the app (a worker of its own): a test that breaks
// one cannot fail the tests after it.
beforeEach(async () => {
  engine = await freshEngine();
});
afterAll(() => uncap());

const TWO_SUM =
  "function twoSum(nums, target) { for (let i = 0; i < nums.length; i++) for (let j = i + 1; j < nums.length; j++) if (nums[i] + nums[j] === target) return [i, j]; }";

describe("a JavaScript run", () => {
  it("prints as Node does and reads standard input a line at a time", async () => {
    const ran = await runOn(engine, {
      code: "console.log(1, 'x', [1, {a: 'b'}], new Map([[1, 2]]), null); console.error('oops'); console.log(readline(), readline(), readline())",
      stdin: "first\r\nsecond\n",
    });
    expect(ran.end).toEqual({ status: "ok", message: null });
    expect(ran.stdout).toBe("1 x [ 1, { a: 'b' } ] Map(1) { 1 => 2 } null\nfirst second null\n");
    expect(ran.stderr).toBe("oops\n");
  });

  it("runs promises, then timers in order of their delay", async () => {
    const ran = await runOn(engine, {
      code: "setTimeout(() => console.log('late'), 50); setTimeout(() => console.log('soon'), 1); Promise.resolve().then(() => console.log('micro')); console.log('now')",
    });
    expect(ran.stdout).toBe("now\nmicro\nsoon\nlate\n");
  });

  it("prints an uncaught error with its stack and ends in error", async () => {
    const ran = await runOn(engine, { code: "function f() { throw new TypeError('boom') }\nf()" });
    expect(ran.end.status).toBe("error");
    expect(ran.stderr).toMatch(/^TypeError: boom\n\s+at f \(main\.js:1/);
    expect((await runOn(engine, { code: "let x = ;" })).stderr).toMatch(/^SyntaxError/);
  });

  it("ends an endless loop at the time limit, and the engine serves the next run", async () => {
    const ran = await runOn(engine, { code: "while (true) {}", limits: { timeMs: 300, memoryBytes: MEMORY, outputChars: 1e6 } });
    expect(ran.end.status).toBe("timeout");
    expect(ran.end.message).toContain("Stopped after 0.3 s");
    expect(ran.ms).toBeLessThan(2_000);
    expect((await runOn(engine, { code: "console.log('fresh')" })).stdout).toBe("fresh\n");
  });

  it("ends a fork bomb of promises by its limits", async () => {
    for (const code of [
      "function f(){Promise.resolve().then(f);f()} f()",
      "function f(){Promise.resolve().then(f);f()} try { f() } catch {}",
      "(function f(){ Promise.resolve().then(f); Promise.resolve().then(f) })()",
    ]) {
      const ran = await runOn(engine, { code, limits: { timeMs: 1_000, memoryBytes: MEMORY, outputChars: 1e6 } });
      expect(["timeout", "memory", "error"], code).toContain(ran.end.status);
      // The recursion caught in a try can exhaust the wasm build's own stack before QuickJS's limit trips
      // (in some test workers, not others): the runtime traps, and the run still ends with a clear message.
      if (/runtime failed/.test(ran.end.message ?? "")) {
        expect(ran.end.message, code).toMatch(/^The JavaScript runtime failed \(.*\); the next run starts a fresh one\.$/);
        expect(code).toContain("try");
        engine = await freshEngine();
      }
      expect(ran.ms, code).toBeLessThan(5_000);
    }
    expect((await runOn(engine, { code: "console.log('still here')" })).stdout).toBe("still here\n");
  });

  it("ends a program that takes too much memory", async () => {
    const ran = await runOn(engine, {
      code: "const a = []; while (true) a.push(new Array(1e5).fill(1))",
      limits: { timeMs: 5_000, memoryBytes: MEMORY, outputChars: 1e6 },
    });
    expect(ran.end.status).toBe("memory");
    expect(ran.end.message).toContain("more than 64 MB");
  });

  it("ends deep recursion as a stack overflow, not a crash", async () => {
    const ran = await runOn(engine, { code: "function f(n) { return f(n + 1) } f(0)" });
    expect(ran.end.status).toBe("error");
    expect(ran.stderr).toMatch(/stack overflow/);
    expect(ran.stderr).toMatch(/\n {4}\.\.\. [\d,]+ more frames\n$/);
    expect(ran.stderr.split("\n").length).toBeLessThan(15);
  });

  it("stops at the output limit", async () => {
    const ran = await runOn(engine, { code: "while (true) console.log('x'.repeat(100))", limits: { timeMs: 5_000, memoryBytes: MEMORY, outputChars: 10_000 } });
    expect(ran.end.status).toBe("output-limit");
    expect(ran.stdout.length).toBe(10_000);
  });

  it("has no network, and says so", async () => {
    for (const call of ["fetch('/api/health')", "new XMLHttpRequest()", "new WebSocket('ws://x')", "require('http')"]) {
      const ran = await runOn(engine, { code: call });
      expect(ran.end.status, call).toBe("error");
      expect(ran.stderr, call).toMatch(/Network access is disabled in the code runner|modules cannot be loaded/);
    }
  });
});

describe("JavaScript tests", () => {
  it("call the entry with the input's arguments and compare what it returns", async () => {
    const ran = await runOn(engine, {
      code: TWO_SUM,
      entry: "twoSum",
      tests: [
        { name: "first pair", input: "[[2, 7, 11, 15], 9]", expected: "[0, 1]" },
        { name: "wrong expectation", input: "[[3, 2, 4], 6]", expected: "[0, 2]" },
        { name: "broken input", input: "[[3, 2", expected: "[0, 1]" },
        { name: "broken expected", input: "[[3, 3], 6]", expected: "[0, " },
      ],
    });
    expect(ran.tests.map((test) => [test.passed, test.actual, test.invalid ?? false])).toEqual([
      [true, "[0, 1]", false],
      [false, "[1, 2]", false],
      [false, null, true],
      [false, "[0, 1]", true],
    ]);
  });

  it("find a const, an async function or module.exports, and report a missing one", async () => {
    const tests = [{ name: "double", input: "[21]", expected: "42" }];
    for (const code of ["const double = (x) => x * 2", "async function double(x) { await null; return x * 2 }", "module.exports = { double: (x) => x * 2 }"]) {
      expect((await runOn(engine, { code, entry: "double", tests })).tests[0]?.passed, code).toBe(true);
    }
    const missing = await runOn(engine, { code: "function triple(x) { return 3 * x }", entry: "double", tests });
    expect(missing.tests[0]?.error).toMatch(/double is not defined: the tests call a function named double/);
  });

  it("show values as JSON: undefined as null, NaN bare, and a thrown error as the test's error", async () => {
    const tests = [
      { name: "nothing", input: "[0]", expected: "null" },
      { name: "nan", input: "[1]", expected: "NaN" },
      { name: "throws", input: "[2]", expected: "1" },
      { name: "set", input: "[3]", expected: "[1, 2]" },
    ];
    const ran = await runOn(engine, {
      code: "function f(x) { if (x === 1) return NaN; if (x === 2) throw new RangeError('no'); if (x === 3) return new Set([1, 2]) }",
      entry: "f",
      tests,
    });
    expect(ran.tests.map((test) => test.passed)).toEqual([true, true, false, true]);
    expect(ran.tests[2]?.error).toMatch(/^RangeError: no/);
  });

  it("pass NaN and the infinities in arguments, as Python's JSON writes them", async () => {
    const ran = await runOn(engine, {
      code: "const kinds = (...xs) => xs.map((x) => (Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : typeof x))",
      entry: "kinds",
      tests: [{ name: "special", input: '[NaN, Infinity, -Infinity, "NaN"]', expected: '["nan", "inf", "-inf", "string"]' }],
    });
    expect(ran.tests[0]).toMatchObject({ passed: true });
  });

  it("feed each standard-input test its input and compare what it prints", async () => {
    const ran = await runOn(engine, {
      code: "console.log(readline().split(' ').map(Number).reduce((a, b) => a + b))",
      tests: [
        { name: "sum", input: "1 2 3\n", expected: "6\n" },
        { name: "wrong", input: "1 1", expected: "3" },
      ],
    });
    expect(ran.end.status).toBe("error");
    expect(ran.tests.map((test) => [test.passed, test.actual])).toEqual([
      [true, "6\n"],
      [false, "2\n"],
    ]);
  });

  it("stop at the time limit mid-way, reporting the tests that ran", async () => {
    const ran = await runOn(engine, {
      code: "function f(x) { while (x) {} return 1 }",
      entry: "f",
      tests: [
        { name: "quick", input: "[0]", expected: "1" },
        { name: "endless", input: "[1]", expected: "1" },
        { name: "never", input: "[0]", expected: "1" },
      ],
      limits: { timeMs: 300, memoryBytes: MEMORY, outputChars: 1e6 },
    });
    expect(ran.end.status).toBe("timeout");
    expect(ran.tests.filter(Boolean).map((test) => test.name)).toEqual(["quick"]);
  });
});

describe("TypeScript", () => {
  it("runs once its types are stripped, with the line numbers kept", async () => {
    const strip = (code: string) => transform(code, { transforms: ["typescript"], disableESTransforms: true }).code;
    const typescript = createJavaScriptEngine(await newQuickJSWASMModuleFromVariant(variant), strip);
    const ran = await runOn(typescript, { code: "interface P { x: number }\nconst p: P = { x: 1 };\nconsole.log(p.x as number);\nthrow new Error('line 4')" });
    expect(ran.stdout).toBe("1\n");
    expect(ran.stderr).toMatch(/main\.js:4/);
    const broken = await runOn(typescript, { code: "const x: = 1" });
    expect(broken.end).toMatchObject({ status: "error", message: "The code could not be compiled." });
  });
});
