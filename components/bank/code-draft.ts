import { CODE_LIMITS, codeSpecSchema, type CodeSpec, type RunnableLanguage } from "@/server/domain/code/code-spec";
import { codeSpecProblems } from "@/server/domain/code/code-spec-problems";

/**
 * A coding question's code as the question editor holds it while it is typed: plain strings, the
 * function name "" for none. What is sent is the contract's CodeSpec; the problems are the server's own
 * rules (codeSpecSchema and codeSpecProblems), keyed by field so the form can point at each one.
 */

export interface TestDraft {
  name: string;
  input: string;
  expected: string;
}

export interface CodeDraft {
  language: RunnableLanguage;
  starterCode: string;
  /** "" when the tests feed standard input (and always for SQL). */
  entry: string;
  tests: TestDraft[];
}

export const LANGUAGE_NAMES: Record<RunnableLanguage, string> = { python: "Python", javascript: "JavaScript", typescript: "TypeScript", sql: "SQL" };

export const NEW_CODE: CodeDraft = { language: "python", starterCode: "", entry: "", tests: [] };

export function toCodeDraft(spec: CodeSpec | null): CodeDraft | null {
  return spec ? { language: spec.language, starterCode: spec.starterCode, entry: spec.entry ?? "", tests: spec.tests.map((test) => ({ ...test })) } : null;
}

/** The spec the draft stands for; a SQL question calls no function, whatever was typed before switching to it. */
export function fromCodeDraft(draft: CodeDraft | null): CodeSpec | null {
  if (!draft) return null;
  const entry = draft.language === "sql" ? "" : draft.entry.trim();
  return {
    language: draft.language,
    starterCode: draft.starterCode,
    entry: entry === "" ? null : entry,
    tests: draft.tests.map((test) => ({ name: test.name.trim(), input: test.input, expected: test.expected })),
  };
}

/** A new test's name: the next "Test N" that the list does not use yet. */
export function nextTestName(tests: readonly TestDraft[]): string {
  const used = new Set(tests.map((test) => test.name.trim()));
  let n = tests.length + 1;
  while (used.has(`Test ${n}`)) n++;
  return `Test ${n}`;
}

/** The contract words its own messages for the limits a person meets most; zod's generic length messages are said for this form. */
function messageFor(path: ReadonlyArray<PropertyKey>, code: string, message: string): string {
  const [field, index, part] = path;
  const length = code === "too_big" || code === "too_small";
  if (field === "starterCode" && length) return `Starter code holds at most ${CODE_LIMITS.starterChars.toLocaleString("en")} characters.`;
  if (field === "entry" && length) return `The function name holds at most ${CODE_LIMITS.entryChars} characters.`;
  if (field === "tests" && typeof index === "number" && part === "name" && length) {
    return `Test ${index + 1} needs a name, of at most ${CODE_LIMITS.testNameChars} characters.`;
  }
  return message;
}

/** Problems by field ("entry", "tests", "tests.2.input"), the first for each; none when the server would take it. */
export function codeDraftProblems(draft: CodeDraft | null): Record<string, string> {
  const spec = fromCodeDraft(draft);
  if (!spec) return {};
  const problems: Record<string, string> = {};
  const add = (path: ReadonlyArray<PropertyKey>, message: string) => (problems[path.map(String).join(".")] ??= message);
  const parsed = codeSpecSchema.safeParse(spec);
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path, messageFor(issue.path, issue.code, issue.message));
  for (const problem of codeSpecProblems(spec)) add(problem.path, problem.message);
  return problems;
}
