/**
 * Values as interview write-ups print them in examples ("[2,7,11,15]", "\"()\"", "True", "'a'") read
 * as JSON: what a test case's input and expected output hold. Only plain literals are read: numbers,
 * strings, booleans, null, arrays and objects, in JSON's or Python's spelling. Anything else (a name, an
 * expression such as "2^31 - 1", prose, "[1,2,_]") is not a value the importer can be sure of, and
 * reads as null, never as a guess.
 */

const MAX_DEPTH = 32;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const KEYWORDS: Record<string, string> = { true: "true", false: "false", null: "null", True: "true", False: "false", None: "null" };
const WORD = /[A-Za-z_]\w*/y;
/** Python's simple escapes in a single-quoted string; others (\x, \u, \N) are left to JSON strings. */
const PY_ESCAPES: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", t: "\t", r: "\r" };

class Reader {
  index = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (/\s/.test(this.text[this.index] ?? "")) this.index++;
  }

  /** The JSON of the value at the cursor, or null. */
  value(depth: number): string | null {
    if (depth > MAX_DEPTH) return null;
    this.skipSpace();
    const c = this.text[this.index];
    if (c === "[") return this.sequence("[", "]", () => this.value(depth + 1));
    if (c === "{") return this.sequence("{", "}", () => this.entry(depth + 1));
    if (c === '"') return this.doubleQuoted();
    if (c === "'") return this.singleQuoted();
    return this.match(NUMBER) ?? this.keyword();
  }

  private match(pattern: RegExp): string | null {
    pattern.lastIndex = this.index;
    const found = pattern.exec(this.text)?.[0];
    if (found === undefined) return null;
    this.index += found.length;
    return found;
  }

  private keyword(): string | null {
    const word = this.match(WORD);
    return word === null ? null : (KEYWORDS[word] ?? null);
  }

  private entry(depth: number): string | null {
    this.skipSpace();
    const c = this.text[this.index];
    const key = c === '"' ? this.doubleQuoted() : c === "'" ? this.singleQuoted() : null;
    this.skipSpace();
    if (key === null || this.text[this.index] !== ":") return null;
    this.index++;
    const value = this.value(depth);
    return value === null ? null : `${key}:${value}`;
  }

  private sequence(open: string, close: string, item: () => string | null): string | null {
    this.index++;
    const items: string[] = [];
    this.skipSpace();
    if (this.text[this.index] === close) {
      this.index++;
      return `${open}${close}`;
    }
    for (;;) {
      const next = item();
      if (next === null) return null;
      items.push(next);
      this.skipSpace();
      const c = this.text[this.index++];
      if (c === close) return `${open}${items.join(",")}${close}`;
      if (c !== ",") return null;
    }
  }

  private doubleQuoted(): string | null {
    const start = this.index;
    for (let i = start + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === "\\") i++;
      else if (c === "\n") return null;
      else if (c === '"') {
        this.index = i + 1;
        try {
          return JSON.stringify(JSON.parse(this.text.slice(start, i + 1)) as string);
        } catch {
          return null;
        }
      }
    }
    return null;
  }

  private singleQuoted(): string | null {
    let out = "";
    for (let i = this.index + 1; i < this.text.length; i++) {
      const c = this.text[i] ?? "";
      if (c === "\n") return null;
      if (c === "'") {
        this.index = i + 1;
        return JSON.stringify(out);
      }
      if (c !== "\\") {
        out += c;
        continue;
      }
      const escaped = PY_ESCAPES[this.text[++i] ?? ""];
      if (escaped === undefined) return null;
      out += escaped;
    }
    return null;
  }
}

/** The literal `text` as compact JSON, or null when it is anything but one literal (with spaces around it). */
export function literalToJson(text: string): string | null {
  const reader = new Reader(text);
  const json = reader.value(0);
  reader.skipSpace();
  return json !== null && reader.index === text.length ? json : null;
}

/** Splits at the commas and line breaks outside brackets and quotes: "a = [1,2], b = 'x,y'" is two parts. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{" || c === "(") depth++;
    else if (c === "]" || c === "}" || c === ")") depth--;
    else if ((c === "," || c === "\n") && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}
