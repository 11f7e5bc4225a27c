import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareOutput,
  compareReturnValue,
  compareRows,
  formatJsonValue,
  normaliseOutput,
  numbersEqual,
  parseJsonValue,
  valuesEqual,
  type JsonValue,
} from "./compare";

describe("standard output", () => {
  it("ignores line endings, trailing spaces per line and trailing blank lines", () => {
    expect(compareOutput("1 2\n3\n", "1 2  \r\n3\t\r\n\r\n\n")).toEqual({ kind: "pass" });
    expect(compareOutput("a\rb", "a\nb")).toEqual({ kind: "pass" });
    expect(compareOutput("", "\n\n  \n")).toEqual({ kind: "pass" });
  });

  it("counts leading spaces, blank lines inside and every other character", () => {
    expect(compareOutput("1\n2", " 1\n2").kind).toBe("fail");
    expect(compareOutput("1\n2", "1\n\n2").kind).toBe("fail");
    expect(compareOutput("Hello", "hello").kind).toBe("fail");
    expect(compareOutput("1\n2", "1\n2\n3").kind).toBe("fail");
  });

  it("normalises to a fixed point", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "\t", "\n", "\r", "b") }), (text) => {
        const once = normaliseOutput(text);
        expect(normaliseOutput(once)).toBe(once);
        expect(compareOutput(text, `${text}  \n\n`).kind).toBe("pass");
      }),
    );
  });
});

describe("numbers", () => {
  it("are equal within a small relative tolerance", () => {
    expect(numbersEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(numbersEqual(1e20, 1e20 + 1e10)).toBe(true);
    expect(numbersEqual(1e20, 1.001e20)).toBe(false);
    expect(numbersEqual(1, 1.000001)).toBe(false);
    expect(numbersEqual(0, 1e-15)).toBe(true);
    expect(numbersEqual(0, 1e-6)).toBe(false);
    expect(numbersEqual(-2, 2)).toBe(false);
  });

  it("treat NaN as equal to NaN only, and infinities by sign", () => {
    expect(numbersEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(numbersEqual(Number.NaN, 0)).toBe(false);
    expect(numbersEqual(0, Number.NaN)).toBe(false);
    expect(numbersEqual(Infinity, Infinity)).toBe(true);
    expect(numbersEqual(-Infinity, -Infinity)).toBe(true);
    expect(numbersEqual(Infinity, -Infinity)).toBe(false);
    expect(numbersEqual(Infinity, Number.MAX_VALUE)).toBe(false);
  });
});

describe("values", () => {
  it("compare arrays in order and objects by key", () => {
    expect(valuesEqual([0, 1], [0, 1])).toBe(true);
    expect(valuesEqual([0, 1], [1, 0])).toBe(false);
    expect(valuesEqual([0, 1], [0, 1, 2])).toBe(false);
    expect(valuesEqual({ a: 1, b: [true] }, { b: [true], a: 1 })).toBe(true);
    expect(valuesEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(valuesEqual({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(valuesEqual({ a: null }, {})).toBe(false);
  });

  it("never confuse types", () => {
    expect(valuesEqual(1, true)).toBe(false);
    expect(valuesEqual(0, null)).toBe(false);
    expect(valuesEqual("1", 1)).toBe(false);
    expect(valuesEqual([], {})).toBe(false);
    expect(valuesEqual({}, [])).toBe(false);
    expect(valuesEqual(null, {})).toBe(false);
    expect(valuesEqual({ 0: 1 }, [1])).toBe(false);
    expect(valuesEqual(null, null)).toBe(true);
  });

  it("are reflexive and symmetric", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(valuesEqual(a as JsonValue, a as JsonValue)).toBe(true);
        expect(valuesEqual(a as JsonValue, b as JsonValue)).toBe(valuesEqual(b as JsonValue, a as JsonValue));
      }),
    );
  });
});

describe("reading JSON with NaN and Infinity", () => {
  it("reads what JSON.parse reads, the same way", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(parseJsonValue(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it("reads the bare tokens Python writes for non-finite floats, outside strings only", () => {
    expect(parseJsonValue("[NaN, Infinity, -Infinity]")).toEqual([Number.NaN, Infinity, -Infinity]);
    expect(parseJsonValue('{"x": "NaN"}')).toEqual({ x: "NaN" });
    expect(parseJsonValue(' "a\\n\\u00e9" ')).toBe("a\né");
  });

  it("reads back what formatJsonValue writes", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0.1), (value, special) => {
        const withSpecial = [value, special] as JsonValue;
        expect(valuesEqual(parseJsonValue(formatJsonValue(withSpecial)), withSpecial)).toBe(true);
      }),
    );
    expect(formatJsonValue({ a: [1, "x", null, NaN, -Infinity] })).toBe('{"a": [1, "x", null, NaN, -Infinity]}');
  });

  it("keeps a __proto__ key as data", () => {
    const value = parseJsonValue('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses what is not JSON, naming where", () => {
    for (const bad of ["", "[1,]", "{a: 1}", "'x'", "[1] 2", "nan", "01", "1.", '"\u0001"', '{"a" 1}', "[", "tru"]) {
      expect(() => parseJsonValue(bad), bad).toThrow(SyntaxError);
    }
    expect(() => parseJsonValue("[1,]")).toThrow(/position 3/);
    expect(() => parseJsonValue("[".repeat(600) + "]".repeat(600))).toThrow(/nested too deeply/);
  });
});

describe("a function's return value", () => {
  it("passes when the value matches the expected JSON", () => {
    expect(compareReturnValue("[0, 1]", "[0,1]")).toEqual({ kind: "pass" });
    expect(compareReturnValue("0.3", "0.30000000000000004")).toEqual({ kind: "pass" });
    expect(compareReturnValue("NaN", "NaN")).toEqual({ kind: "pass" });
    expect(compareReturnValue("[1, 0]", "[0, 1]")).toEqual({ kind: "fail" });
    expect(compareReturnValue("true", "1")).toEqual({ kind: "fail" });
  });

  it("calls an unreadable expected value an error of the test, not of the code", () => {
    const verdict = compareReturnValue("[0, 1", "[0, 1]");
    expect(verdict.kind).toBe("invalid-test");
    expect(verdict).toMatchObject({ message: expect.stringContaining("expected value is not valid JSON") });
  });

  it("fails an unreadable returned value", () => {
    expect(compareReturnValue("1", "<function>")).toEqual({ kind: "fail" });
  });
});

describe("SQL rows", () => {
  it("match as a multiset: row order ignored, column order and duplicates kept", () => {
    expect(
      compareRows('[[1, "Ada"], [2, "Bo"]]', [
        [2, "Bo"],
        [1, "Ada"],
      ]),
    ).toEqual({ kind: "pass" });
    expect(compareRows('[[1, "Ada"]]', [["Ada", 1]])).toEqual({ kind: "fail" });
    expect(compareRows("[[1], [1], [2]]", [[1], [2], [2]])).toEqual({ kind: "fail" });
    expect(compareRows("[[1], [1]]", [[1], [1]])).toEqual({ kind: "pass" });
    expect(compareRows("[[1]]", [[1], [1]])).toEqual({ kind: "fail" });
    expect(compareRows("[]", [])).toEqual({ kind: "pass" });
  });

  it("compares values as JSON, numbers within tolerance", () => {
    expect(compareRows("[[3.5, null, true]]", [[3.5000000000001, null, true]])).toEqual({ kind: "pass" });
    expect(compareRows('[[{"a": [1]}]]', [[{ a: [1] }]])).toEqual({ kind: "pass" });
    expect(compareRows('[["3.5"]]', [[3.5]])).toEqual({ kind: "fail" });
  });

  it("passes any reordering of the rows, and fails when one row is replaced", () => {
    const rowsAndOrder = fc
      .array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }), { maxLength: 6 })
      .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })));
    fc.assert(
      fc.property(rowsAndOrder, ([rows, shuffled]) => {
        expect(compareRows(JSON.stringify(rows), shuffled).kind).toBe("pass");
        if (rows.length > 0) expect(compareRows(JSON.stringify(rows), [...shuffled.slice(1), [9, 9]]).kind).toBe("fail");
      }),
    );
  });

  it("calls expected rows that are not an array of arrays an error of the test", () => {
    expect(compareRows("[1, 2]", [[1], [2]]).kind).toBe("invalid-test");
    expect(compareRows('{"rows": []}', []).kind).toBe("invalid-test");
    expect(compareRows("[[1]", [[1]]).kind).toBe("invalid-test");
  });
});
