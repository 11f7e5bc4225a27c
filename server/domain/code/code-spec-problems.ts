import type { CodeSpec } from "./code-spec";

/**
 * What codeSpecSchema lets through but a run could not use, by the meaning the contract gives a test
 * case: with an entry function, the input is the JSON array of the arguments and the expected output a
 * JSON value; for SQL there is no function and the expected output is a JSON array of rows. The question
 * editor shows these beside the field, and the bank refuses a person's spec that has any.
 */

export interface CodeSpecProblem {
  /** Where, as zod names it: ["entry"], ["tests", 2, "input"]. */
  path: Array<string | number>;
  message: string;
}

function json(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const isRows = (value: unknown) => Array.isArray(value) && value.every((row) => Array.isArray(row));

export function codeSpecProblems(spec: Pick<CodeSpec, "language" | "entry" | "tests">): CodeSpecProblem[] {
  const problems: CodeSpecProblem[] = [];
  if (spec.language === "sql" && spec.entry !== null) {
    problems.push({ path: ["entry"], message: "A SQL question calls no function: its tests run the query. Leave the function empty." });
  }
  spec.tests.forEach((test, i) => {
    const n = i + 1;
    if (spec.language === "sql") {
      const rows = json(test.expected);
      if (!rows.ok || !isRows(rows.value)) {
        problems.push({ path: ["tests", i, "expected"], message: `Test ${n}'s expected result is a JSON array of rows, such as [[1, "Ada"]].` });
      }
      return;
    }
    if (spec.entry === null) return;
    const args = json(test.input);
    if (!args.ok || !Array.isArray(args.value)) {
      problems.push({ path: ["tests", i, "input"], message: `Test ${n}'s input is the JSON array of the arguments, such as [[2, 7, 11, 15], 9].` });
    }
    if (!json(test.expected).ok) {
      problems.push({ path: ["tests", i, "expected"], message: `Test ${n}'s expected value is JSON, such as [0, 1], true or "text" in double quotes.` });
    }
  });
  return problems;
}
