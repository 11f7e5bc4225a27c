import { describe, expect, it } from "vitest";
import { literalToJson, splitTopLevel } from "./code-literal";

describe("literalToJson", () => {
  it.each([
    ["[2,7,11,15]", "[2,7,11,15]"],
    [" [ 2, 7 ,11 ] ", "[2,7,11]"],
    ["9", "9"],
    ["-121", "-121"],
    ["2.00000", "2.00000"],
    ["1e-5", "1e-5"],
    ["12345678901234567890", "12345678901234567890"],
    ['"()"', '"()"'],
    ['"a\\"b"', '"a\\"b"'],
    ["'it\\'s'", '"it\'s"'],
    ["'a\"b'", '"a\\"b"'],
    ["true", "true"],
    ["True", "true"],
    ["False", "false"],
    ["None", "null"],
    ["null", "null"],
    ['["flower","flow"]', '["flower","flow"]'],
    ["[['a', 'b'], []]", '[["a","b"],[]]'],
    ['{"a": [1, {"b": None}]}', '{"a":[1,{"b":null}]}'],
    ["{'k': 1}", '{"k":1}'],
    ["[\n  [1,2],\n  [3,4]\n]", "[[1,2],[3,4]]"],
  ])("reads %s as %s", (text, json) => {
    expect(literalToJson(text)).toBe(json);
  });

  it.each([
    ["prose", "There are two ways"],
    ["an expression", "2^31 - 1"],
    ["a name", "nums"],
    ["a LeetCode placeholder", "[1,2,_]"],
    ["two values", "2, nums = [1,2]"],
    ["an unclosed array", "[1,2"],
    ["an unclosed string", '"abc'],
    ["a trailing comma", "[1,2,]"],
    ["a value with a unit", "12abc"],
    ["Python's digit separators", "1_000"],
    ["a leading plus", "+1"],
    ["an object with a bare key", "{a: 1}"],
    ["a string broken over lines", '"a\nb"'],
    ["an unknown escape in single quotes", "'\\q'"],
    ["nothing", ""],
    ["nesting deeper than 32", `${"[".repeat(40)}${"]".repeat(40)}`],
  ])("refuses %s", (_what, text) => {
    expect(literalToJson(text)).toBeNull();
  });
});

describe("splitTopLevel", () => {
  it("splits at commas and line breaks outside brackets and quotes", () => {
    expect(splitTopLevel("nums = [2,7,11,15], target = 9")).toEqual(["nums = [2,7,11,15]", "target = 9"]);
    expect(splitTopLevel("a = 'x,y'\nb = {\"k\": [1,\n2]}")).toEqual(["a = 'x,y'", 'b = {"k": [1,\n2]}']);
    expect(splitTopLevel(' s = "a\\",b" , ')).toEqual(['s = "a\\",b"']);
  });
});
