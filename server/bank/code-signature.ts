import type { RunnableLanguage } from "@/server/domain/code/code-spec";
import { splitTopLevel } from "./code-literal";

/**
 * The functions a code block of a write-up defines, with what a coding question needs of one: its
 * language, name and parameters, and starter code made of its signature alone. The body is never
 * copied: it is the document's solution, which stays in the reference answer.
 */

export type SignatureLanguage = Exclude<RunnableLanguage, "sql">;

export interface FoundFunction {
  language: SignatureLanguage;
  name: string;
  /** Parameter names in order (Python's `self` left out). */
  params: string[];
  /** The signature with an empty body, as the candidate's pad starts. */
  starterCode: string;
  /** A method of LeetCode's `class Solution`: the usual home of a write-up's entry function. */
  inSolutionClass: boolean;
  /** Declared to return nothing (`-> None`, `: void`, `@return {void}`): its examples show an argument changed in place. */
  returnsNothing: boolean;
  /** Its types name something a test's JSON cannot build (ListNode, TreeNode, Map). */
  unsupportedTypes: boolean;
}

const FENCE_LANGUAGES: Record<string, SignatureLanguage> = {
  python: "python",
  python3: "python",
  py: "python",
  py3: "python",
  javascript: "javascript",
  js: "javascript",
  jsx: "javascript",
  node: "javascript",
  mjs: "javascript",
  typescript: "typescript",
  ts: "typescript",
  tsx: "typescript",
};

const PY_BUILTIN_TYPES = ["int", "float", "str", "bool", "list", "dict", "tuple", "set", "frozenset", "None", "object"];
/** What the starter imports from `typing` when the signature uses it: Python evaluates annotations when it defines the function. */
const PY_TYPING = ["Any", "Dict", "FrozenSet", "List", "Optional", "Sequence", "Set", "Tuple", "Union"];
const PY_TYPES = new Set([...PY_BUILTIN_TYPES, ...PY_TYPING]);
const TS_TYPES = new Set(["number", "string", "boolean", "any", "unknown", "null", "undefined", "void", "Array", "ReadonlyArray", "Record", "readonly"]);

/** The index of the bracket that closes the one at `open`, skipping quoted text; -1 when it never closes. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && --depth === 0) return i;
  }
  return -1;
}

/** A signature spans a few lines at most; reading no further keeps a block of thousands of lines linear. */
const SIGNATURE_LINES = 40;
const signatureText = (lines: readonly string[], i: number) => lines.slice(i, i + SIGNATURE_LINES).join("\n");
const identifiers = (text: string) => [...text.matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => m[0]);
const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0] ?? "";

interface Param {
  name: string;
  /** As written: name, annotation and default. */
  text: string;
  annotation: string | null;
}

/** "nums: List[int]", "k = 2", "target?: number": one plain parameter; null for `*args`, `...rest`, `/` or destructuring. */
function paramOf(text: string): Param | null {
  const m = /^([A-Za-z_$][\w$]*)\??\s*(?::\s*([\s\S]+?))?\s*(?:=\s*[\s\S]+)?$/.exec(text);
  if (!m?.[1]) return null;
  return { name: m[1], text: text.replace(/\s+/g, " "), annotation: m[2] ?? null };
}

function paramsOf(list: string, dropSelf: boolean): Param[] | null {
  const params = splitTopLevel(list).map(paramOf);
  if (params.some((p) => p === null)) return null;
  const plain = params.filter((p): p is Param => p !== null);
  return dropSelf && (plain[0]?.name === "self" || plain[0]?.name === "cls") ? plain.slice(1) : plain;
}

interface Signature {
  name: string;
  params: Param[];
  returns: string | null;
}

/** The signature that starts at `open` (its parameter list's "("), up to what must follow it (":" or "{" or "=>"). */
function signatureAt(text: string, name: string, open: number, after: RegExp, dropSelf: boolean): Signature | null {
  const close = closing(text, open);
  if (close < 0) return null;
  const tail = after.exec(text.slice(close + 1));
  const params = paramsOf(text.slice(open + 1, close), dropSelf);
  if (!tail || !params) return null;
  return { name, params, returns: tail[1]?.trim() || null };
}

const PY_DEF = /^([ \t]*)def[ \t]+([A-Za-z_]\w*)[ \t]*\(/;
const PY_AFTER = /^[ \t]*(?:->[ \t]*([^:\n]+?))?[ \t]*:/;

/** Top-level functions and methods of `class Solution`; a def nested in either is a helper. */
function pythonFunctions(code: string): FoundFunction[] {
  const lines = code.split("\n");
  const found: FoundFunction[] = [];
  let inSolution = false;
  let methodIndent: string | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    const indent = indentOf(line);
    if (indent === "") {
      inSolution = /^class[ \t]+Solution\b.*:/.test(line);
      methodIndent = null;
    }
    const def = PY_DEF.exec(line);
    if (!def?.[2]) return;
    const own = def[1] ?? "";
    const isMethod = inSolution && own !== "" && (methodIndent ??= own) === own;
    if (own !== "" && !isMethod) return;
    const signature = signatureAt(signatureText(lines, i), def[2], def[0].length - 1, PY_AFTER, isMethod);
    if (signature) found.push(pythonFunction(signature, isMethod));
  });
  return found;
}

function pythonFunction({ name, params, returns }: Signature, inSolutionClass: boolean): FoundFunction {
  const used = identifiers([...params.map((p) => p.annotation ?? ""), returns ?? ""].join(" "));
  const typing = PY_TYPING.filter((type) => used.includes(type));
  const imports = typing.length > 0 ? `from typing import ${typing.join(", ")}\n\n\n` : "";
  return {
    language: "python",
    name,
    params: params.map((p) => p.name),
    starterCode: `${imports}def ${name}(${params.map((p) => p.text).join(", ")})${returns ? ` -> ${returns}` : ""}:\n    pass\n`,
    inSolutionClass,
    returnsNothing: returns === "None",
    unsupportedTypes: used.some((type) => !PY_TYPES.has(type)),
  };
}

const JS_STARTS = [
  /^(?:export[ \t]+(?:default[ \t]+)?)?function[ \t]+([A-Za-z_$][\w$]*)[ \t]*\(/,
  /^(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*function\b[ \t]*(?:[A-Za-z_$][\w$]*)?[ \t]*\(/,
];
const JS_ARROW = /^(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*\(/;
const JS_BODY = /^[ \t]*(?::[ \t]*([^{\n]+?))?[ \t]*\{/;
const JS_ARROW_BODY = /^[ \t]*(?::[ \t]*([^=\n]+?))?[ \t]*=>/;

/** The JSDoc block right above line `i` (LeetCode's `@param` types), kept with the signature. */
function docAbove(lines: readonly string[], i: number): string[] {
  if (!lines[i - 1]?.trim().endsWith("*/")) return [];
  for (let j = i - 1; j >= 0; j--) if (lines[j]?.trim().startsWith("/**")) return lines.slice(j, i).map((l) => l.trim().replace(/^\*/, " *"));
  return [];
}

/** Functions declared at the code's outermost indentation; async functions and generators are not entry points a test calls. */
function scriptFunctions(code: string, fenced: SignatureLanguage): FoundFunction[] {
  const lines = code.split("\n");
  const outer = lines.reduce((least, l) => (l.trim() === "" ? least : Math.min(least, indentOf(l).length)), Infinity);
  return lines.flatMap((line, i) => {
    if (line.trim() === "" || indentOf(line).length !== outer) return [];
    const start = JS_STARTS.map((re) => re.exec(line.slice(outer))).find((m) => m);
    const arrow = start ? null : JS_ARROW.exec(line.slice(outer));
    const match = start ?? arrow;
    if (!match?.[1]) return [];
    const text = signatureText(lines, i).slice(outer);
    const signature = signatureAt(text, match[1], match[0].length - 1, arrow ? JS_ARROW_BODY : JS_BODY, false);
    return signature ? [scriptFunction(signature, fenced, docAbove(lines, i))] : [];
  });
}

function scriptFunction({ name, params, returns }: Signature, fenced: SignatureLanguage, doc: string[]): FoundFunction {
  const annotations = [...params.flatMap((p) => (p.annotation ? [p.annotation] : [])), ...(returns ? [returns] : [])];
  const language = fenced === "typescript" || annotations.length > 0 ? "typescript" : "javascript";
  const head = `function ${name}(${params.map((p) => p.text).join(", ")})${returns ? `: ${returns}` : ""} {`;
  return {
    language,
    name,
    params: params.map((p) => p.name),
    starterCode: [...doc, head, "", "}", ""].join("\n"),
    inSolutionClass: false,
    returnsNothing: returns === "void" || doc.some((line) => /@returns?\s*\{\s*void\s*\}/.test(line)),
    unsupportedTypes: identifiers(annotations.join(" ")).some((type) => !TS_TYPES.has(type)),
  };
}

/**
 * The functions in one code block. Its fence names the language; an unlabelled block is read as Python
 * when it defines Python functions, else as JavaScript. A block in any other language defines none.
 */
export function functionsIn(code: string, lang: string | null): FoundFunction[] {
  const label = (lang ?? "").trim().toLowerCase();
  const language = Object.hasOwn(FENCE_LANGUAGES, label) ? FENCE_LANGUAGES[label] : undefined;
  if (label !== "" && !language) return [];
  if (language === "python") return pythonFunctions(code);
  if (language) return scriptFunctions(code, language);
  const python = pythonFunctions(code);
  return python.length > 0 ? python : scriptFunctions(code, "javascript");
}
