import { loadPyodide } from "pyodide";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "./engine";
import { capWasmMemory } from "./memory-cap";
import { createPythonEngine } from "./python-engine";
import { runOn } from "./test-io";

let engine: Engine;
let uncap: () => void;
const MEMORY = 256 * 1024 * 1024;

beforeAll(async () => {
  uncap = capWasmMemory(() => MEMORY);
  engine = createPythonEngine(await loadPyodide());
}, 60_000);
afterAll(() => uncap());

const python = (code: string, more: Parameters<typeof runOn>[1] extends infer J ? Partial<J> : never = {}) =>
  runOn(engine, { language: "python", code, ...more });

describe("a Python run", () => {
  it("prints, reads input() and sys.stdin, and shows a traceback of the program's own frames", async () => {
    const ran = await python("import sys\nprint(1, 'x', [1, 2])\nprint(input())\nprint(sys.stdin.read().split())\nraise ValueError('bad')", {
      stdin: "first\nsecond third\n",
    });
    expect(ran.stdout).toBe("1 x [1, 2]\nfirst\n['second', 'third']\n");
    expect(ran.end.status).toBe("error");
    expect(ran.stderr).toBe("Traceback (most recent call last):\n  File \"main.py\", line 5, in <module>\n    raise ValueError('bad')\nValueError: bad\n");
  });

  it("gives each run fresh globals, and input() past the end raises EOFError", async () => {
    await python("leftover = 1");
    expect((await python("print('leftover' in globals())")).stdout).toBe("False\n");
    expect((await python("input()")).stderr).toMatch(/EOFError: EOF when reading a line/);
  });

  it("ends an endless loop at the time limit, and serves the next run warm", async () => {
    const ran = await python("while True: pass", { limits: { timeMs: 300, memoryBytes: MEMORY, outputChars: 1e6 } });
    expect(ran.end.status).toBe("timeout");
    expect(ran.ms).toBeLessThan(2_000);
    expect((await python("print('warm')")).stdout).toBe("warm\n");
  });

  it("ends a program that takes too much memory with a MemoryError, and serves the next run", async () => {
    const ran = await python("a = []\nwhile True: a.append('x' * 10**6)", { limits: { timeMs: 10_000, memoryBytes: MEMORY, outputChars: 1e6 } });
    expect(ran.end).toMatchObject({ status: "memory", message: expect.stringContaining("more than 256 MB") });
    expect((await python("print(len('y' * 10**6))")).stdout).toBe("1000000\n");
  });

  it("stops at the output limit, and reports recursion as Python does", async () => {
    for (let i = 0; i < 5; i++) {
      const flood = await python("while True: print('x' * 99)", { limits: { timeMs: 5_000, memoryBytes: MEMORY, outputChars: 10_000 + i * 777 } });
      expect(flood.end).toMatchObject({ status: "output-limit", message: expect.stringContaining("more than") });
      expect(flood.stdout.length).toBe(10_000 + i * 777);
    }
    expect((await python("def f(): return f()\nf()")).stderr).toMatch(/RecursionError: maximum recursion depth exceeded\n$/);
  });

  it("treats sys.exit(0) as a normal end and another code as an error", async () => {
    expect((await python("import sys\nprint('a')\nsys.exit(0)")).end.status).toBe("ok");
    const failed = await python("import sys\nsys.exit(3)");
    expect(failed.end.status).toBe("error");
    expect(failed.stderr).toBe("SystemExit: 3\n");
  });
});

describe("Python tests", () => {
  it("call the entry (a function or a LeetCode-style Solution method) and compare its JSON", async () => {
    const tests = [
      { name: "pair", input: "[[2, 7, 11, 15], 9]", expected: "[0, 1]" },
      { name: "wrong", input: "[[3, 2, 4], 6]", expected: "[0, 2]" },
    ];
    const plain =
      "def twoSum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n                return (i, j)";
    const leet =
      "class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, n in enumerate(nums):\n            if target - n in seen: return [seen[target - n], i]\n            seen[n] = i";
    for (const code of [plain, leet]) {
      const ran = await python(code, { entry: "twoSum", tests });
      expect(ran.tests.map((test) => [test.passed, test.actual])).toEqual([
        [true, "[0, 1]"],
        [false, "[1, 2]"],
      ]);
    }
  });

  it("report a raised error, a missing function and a value JSON cannot hold as the test's error", async () => {
    const code = "def f(x):\n    if x == 1: raise KeyError('k')\n    if x == 2: return object()\n    return float('inf')";
    const ran = await python(code, {
      entry: "f",
      tests: [
        { name: "raises", input: "[1]", expected: "0" },
        { name: "object", input: "[2]", expected: "0" },
        { name: "infinity", input: "[3]", expected: "Infinity" },
      ],
    });
    expect(ran.tests[0]?.error).toMatch(/line 2, in f\n[\s\S]*KeyError: 'k'/);
    expect(ran.tests[1]?.error).toMatch(/cannot be compared with the expected value: Object of type object is not JSON serializable/);
    expect(ran.tests[2]?.passed).toBe(true);
    const missing = await python("def g(): pass", { entry: "f", tests: [{ name: "t", input: "[]", expected: "null" }] });
    expect(missing.tests[0]?.error).toMatch(/name 'f' is not defined: the tests call a function named f/);
  });

  it("feed standard-input tests their input, whatever the plain run did", async () => {
    const ran = await python("print(sum(map(int, input().split())))", {
      tests: [
        { name: "sum", input: "1 2 3", expected: "6" },
        { name: "wrong", input: "1 1", expected: "3" },
        { name: "crash", input: "x", expected: "1" },
      ],
    });
    expect(ran.end.status).toBe("error");
    expect(ran.tests.map((test) => [test.passed, test.actual])).toEqual([
      [true, "6\n"],
      [false, "2\n"],
      [false, ""],
    ]);
    expect(ran.tests[2]?.error).toMatch(/ValueError: invalid literal for int/);
  });
});
