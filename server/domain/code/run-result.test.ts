import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_LIMITS } from "./code-spec";
import {
  capRunResult,
  fitsRunResultLimits,
  RUN_RESULT_LIMITS,
  runResultChars,
  runResultSchema,
  storableText,
  truncateEnd,
  truncateMiddle,
  type RunResult,
  type TestResult,
} from "./run-result";

const result = (overrides: Partial<RunResult> = {}): RunResult => ({
  language: "python",
  status: "ok",
  message: null,
  stdout: "",
  stderr: "",
  tests: [],
  durationMs: 12,
  ...overrides,
});

describe("truncating", () => {
  it("keeps the start and the end, and says how much was cut", () => {
    const text = `${"a".repeat(1000)}${"b".repeat(1000)}`;
    const cut = truncateMiddle(text, 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.startsWith("aaa")).toBe(true);
    expect(cut.endsWith("bbb")).toBe(true);
    const kept = cut.replace(/\n… .* characters truncated …\n/, "").length;
    expect(cut).toContain(`… ${(2000 - kept).toLocaleString("en")} characters truncated …`);
  });

  it("leaves what fits alone", () => {
    expect(truncateMiddle("short", 5)).toBe("short");
    expect(truncateEnd("short", 5)).toBe("short");
    expect(truncateEnd("x".repeat(50), 20)).toBe(`${"x".repeat(9)}… truncated`);
  });

  it("never exceeds the limit nor splits a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.integer({ min: 60, max: 300 }), (text, max) => {
        for (const cut of [truncateMiddle(text, max), truncateEnd(text, max)]) {
          expect(cut.length).toBeLessThanOrEqual(max);
          if (storableText(text) === text) expect(storableText(cut)).toBe(cut);
        }
      }),
    );
  });
});

describe("storable text", () => {
  it("replaces a NUL and half a surrogate pair, and keeps whole characters", () => {
    expect(storableText("a\u0000b")).toBe("a\uFFFDb");
    expect(storableText("x\uD83Dy")).toBe("x\uFFFDy");
    expect(storableText("\uDE00")).toBe("\uFFFD");
    expect(storableText("ok 😀")).toBe("ok 😀");
  });
});

describe("a run's result, capped", () => {
  it("fits the schema whatever the program printed or returned", () => {
    const huge = "x".repeat(200_000);
    const test: TestResult = { name: "t".repeat(500), passed: false, expected: huge, actual: huge, error: huge };
    const capped = capRunResult(
      result({ stdout: `${huge}\u0000`, stderr: huge, message: huge, tests: Array.from({ length: 80 }, () => test), durationMs: 12.7 }),
    );
    expect(runResultSchema.safeParse(capped).success).toBe(true);
    expect(capped.stdout.length).toBeLessThanOrEqual(RUN_RESULT_LIMITS.stdoutChars);
    expect(capped.stdout).toContain("characters truncated");
    expect(capped.stdout).not.toContain("\u0000");
    expect(capped.tests).toHaveLength(CODE_LIMITS.testsPerQuestion);
    // The tests' values share what the output and the names leave of the total: 229 characters each here.
    expect(capped.tests[0]?.actual).toBe(`${"x".repeat(229 - "… truncated".length)}… truncated`);
    expect(capped.durationMs).toBe(13);
    expect(runResultChars(capped)).toBeLessThanOrEqual(RUN_RESULT_LIMITS.totalChars);
    expect(fitsRunResultLimits(capped)).toBe(true);
  });

  it("never makes a result larger in all than the room takes, and the room takes nothing larger", () => {
    const text = (maxLength: number) => fc.string({ unit: "binary", maxLength });
    const testResult = fc.record({
      name: text(200),
      passed: fc.boolean(),
      expected: text(5_000),
      actual: fc.option(text(5_000), { nil: null }),
      error: fc.option(text(3_000), { nil: undefined }),
    });
    fc.assert(
      fc.property(text(40_000), text(20_000), fc.array(testResult, { maxLength: 60 }), (stdout, stderr, tests) => {
        const capped = capRunResult(result({ stdout, stderr, tests: tests.map(({ error, ...test }) => (error === undefined ? test : { ...test, error })) }));
        expect(runResultSchema.safeParse(capped).success).toBe(true);
        expect(fitsRunResultLimits(capped)).toBe(true);
      }),
      { numRuns: 200 },
    );
    const full = result({ stdout: "o".repeat(RUN_RESULT_LIMITS.totalChars - 3) });
    expect(fitsRunResultLimits({ ...full, message: "abc" })).toBe(true);
    expect(fitsRunResultLimits({ ...full, message: "abcd" })).toBe(false);
  });

  it("keeps values whole up to the per-value limit while the result is small", () => {
    const value = "y".repeat(1500);
    const capped = capRunResult(result({ tests: [{ name: "one", passed: false, expected: value, actual: value }] }));
    expect(capped.tests[0]?.expected).toBe(value);
    expect(capped.tests[0]?.actual).toBe(value);
    expect(capped.tests[0]).not.toHaveProperty("error");
  });

  it("is refused by the schema when a client skips the caps", () => {
    expect(runResultSchema.safeParse(result({ stdout: "x".repeat(RUN_RESULT_LIMITS.stdoutChars + 1) })).success).toBe(false);
    expect(runResultSchema.safeParse(result({ stdout: "\u0000" })).success).toBe(false);
    expect(runResultSchema.safeParse(result({ status: "exploded" as never })).success).toBe(false);
  });
});
