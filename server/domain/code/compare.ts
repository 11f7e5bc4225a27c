/**
 * How a test case's expected output is compared with what a run produced (code-spec.ts gives the test
 * semantics). Pure: the runner's worker calls it in the browser that ran the code.
 *
 * - Standard output: line endings normalised, trailing whitespace of each line and trailing blank lines
 *   ignored; anything else (leading spaces, blank lines inside) counts.
 * - A function's return value: the expected JSON and the returned value compared as values, numbers within
 *   a small relative tolerance, array order significant, object key order not.
 * - SQL rows: the expected rows and the result's rows compared as multisets of row arrays (order of the
 *   rows ignored, order of the columns kept), values as above.
 *
 * A test whose expected value cannot be read is an error of the test, reported as such, never a failure
 * of the candidate's code.
 */

/** A JSON value, whose numbers may also be NaN and ±Infinity (Python's json.dumps writes them). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Two numbers this close are equal: rounding in the last digits is not a wrong answer. */
export const NUMBER_TOLERANCE = { relative: 1e-9, absolute: 1e-12 } as const;

export type Verdict = { kind: "pass" } | { kind: "fail" } | { kind: "invalid-test"; message: string };

const PASS: Verdict = { kind: "pass" };
const FAIL: Verdict = { kind: "fail" };

/** Standard output as compared: `\r\n` and `\r` as `\n`, no trailing whitespace per line, no trailing blank lines. */
export function normaliseOutput(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

export function compareOutput(expected: string, actual: string): Verdict {
  return normaliseOutput(expected) === normaliseOutput(actual) ? PASS : FAIL;
}

export function numbersEqual(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= Math.max(NUMBER_TOLERANCE.relative * scale, NUMBER_TOLERANCE.absolute);
}

/** Deep equality of two values: numbers by `numbersEqual`, arrays in order, objects by their keys. */
export function valuesEqual(a: JsonValue, b: JsonValue): boolean {
  if (typeof a === "number" && typeof b === "number") return numbersEqual(a, b);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => valuesEqual(item, b[index] as JsonValue));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key] as JsonValue, b[key] as JsonValue));
}

/** A test's expected value, or why it cannot be read. */
function readExpected(expected: string): { ok: true; value: JsonValue } | { ok: false; message: string } {
  try {
    return { ok: true, value: parseJsonValue(expected) };
  } catch (error) {
    return { ok: false, message: `The test's expected value is not valid JSON (${(error as Error).message}).` };
  }
}

/** `actual` is the returned value as the runtime wrote it (JSON, with NaN and ±Infinity allowed). */
export function compareReturnValue(expected: string, actual: string): Verdict {
  const wanted = readExpected(expected);
  if (!wanted.ok) return { kind: "invalid-test", message: wanted.message };
  let got: JsonValue;
  try {
    got = parseJsonValue(actual);
  } catch {
    return FAIL;
  }
  return valuesEqual(wanted.value, got) ? PASS : FAIL;
}

/** The expected rows must be a JSON array of arrays; each actual row is matched to one expected row at most. */
export function compareRows(expected: string, actual: readonly JsonValue[][]): Verdict {
  const wanted = readExpected(expected);
  if (!wanted.ok) return { kind: "invalid-test", message: wanted.message };
  const rows = wanted.value;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    return { kind: "invalid-test", message: 'The test\'s expected value must be a JSON array of rows, each an array of values, such as [[1, "Ada"]].' };
  }
  if (rows.length !== actual.length) return FAIL;
  const unmatched = [...(rows as JsonValue[][])];
  for (const row of actual) {
    const index = unmatched.findIndex((candidate) => valuesEqual(candidate, row));
    if (index === -1) return FAIL;
    unmatched.splice(index, 1);
  }
  return PASS;
}

/** A value as JSON with a space after each comma and colon (as Python prints it), NaN and ±Infinity bare. */
export function formatJsonValue(value: JsonValue): string {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : Number.isFinite(value) ? JSON.stringify(value) : value > 0 ? "Infinity" : "-Infinity";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatJsonValue).join(", ")}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${JSON.stringify(key)}: ${formatJsonValue(item)}`)
    .join(", ")}}`;
}

/**
 * JSON.parse, extended with the bare tokens NaN, Infinity and -Infinity outside strings, which Python's
 * json.dumps writes for those floats. Throws a SyntaxError naming the position otherwise.
 */
export function parseJsonValue(text: string): JsonValue {
  const parser = new ExtendedJsonParser(text);
  const value = parser.value();
  parser.end();
  return value;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERALS: ReadonlyArray<readonly [string, JsonValue]> = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
];
/** Deeper than this is refused rather than overflowing the stack. */
const MAX_DEPTH = 512;

class ExtendedJsonParser {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  value(): JsonValue {
    this.space();
    const char = this.text[this.at];
    if (char === "[" || char === "{") {
      if (++this.depth > MAX_DEPTH) throw this.error("nested too deeply");
      const value = char === "[" ? this.array() : this.object();
      this.depth--;
      return value;
    }
    if (char === '"') return this.string();
    for (const [token, value] of LITERALS) {
      if (this.text.startsWith(token, this.at)) {
        this.at += token.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (!number) throw this.error(char === undefined ? "unexpected end" : `unexpected ${JSON.stringify(char)}`);
    this.at += number[0].length;
    return Number(number[0]);
  }

  end(): void {
    this.space();
    if (this.at < this.text.length) throw this.error(`unexpected ${JSON.stringify(this.text[this.at])} after the value`);
  }

  private array(): JsonValue[] {
    this.at++;
    const items: JsonValue[] = [];
    if (this.peek() === "]") return this.close(items);
    for (;;) {
      items.push(this.value());
      if (this.peek() === "]") return this.close(items);
      this.expect(",");
    }
  }

  private object(): { [key: string]: JsonValue } {
    this.at++;
    const entries: { [key: string]: JsonValue } = {};
    if (this.peek() === "}") return this.close(entries);
    for (;;) {
      if (this.peek() !== '"') throw this.error("expected a property name in double quotes");
      const key = this.string();
      this.expect(":");
      Object.defineProperty(entries, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      if (this.peek() === "}") return this.close(entries);
      this.expect(",");
    }
  }

  private string(): string {
    STRING.lastIndex = this.at;
    const match = STRING.exec(this.text);
    if (!match) throw this.error("unterminated or invalid string");
    this.at += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private close<T>(value: T): T {
    this.at++;
    return value;
  }

  private expect(char: string): void {
    if (this.peek() !== char) throw this.error(`expected ${JSON.stringify(char)}`);
    this.at++;
  }

  private peek(): string | undefined {
    this.space();
    return this.text[this.at];
  }

  private space(): void {
    while (this.at < this.text.length && " \t\n\r".includes(this.text[this.at] as string)) this.at++;
  }

  private error(what: string): SyntaxError {
    return new SyntaxError(`${what} at position ${this.at}`);
  }
}
