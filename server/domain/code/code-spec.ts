import { z } from "zod";
import { dbText } from "../db-text";

/**
 * A coding question's material: the language it is asked in, the code the pad starts with, and the
 * test cases a run is checked against. Stored with the bank question, copied into the interview's plan,
 * and run in the browser of whoever presses Run (never on the server). Test cases are not secret: they
 * travel to the candidate's browser to be run there, so a document's hidden answer never goes in one.
 */

/** The languages a run can execute in the browser (a WebAssembly runtime in a Web Worker). */
export const RUNNABLE_LANGUAGES = ["python", "javascript", "typescript", "sql"] as const;
export const runnableLanguageSchema = z.enum(RUNNABLE_LANGUAGES);
export type RunnableLanguage = z.infer<typeof runnableLanguageSchema>;

export const CODE_LIMITS = {
  /** The pad's own limit: starter code is the pad's first text. */
  starterChars: 50_000,
  testsPerQuestion: 50,
  testNameChars: 120,
  /** A test's input or its expected output. */
  testValueChars: 10_000,
  /** A function name the tests call (`entry`). */
  entryChars: 80,
} as const;

const testValue = (what: string) =>
  dbText.max(CODE_LIMITS.testValueChars, `A test's ${what} holds at most ${CODE_LIMITS.testValueChars.toLocaleString("en")} characters.`);

/**
 * One test case. With the spec's `entry` (a function name), `input` is a JSON array of the arguments
 * and `expected` the JSON of the value returned; without it, `input` is standard input and `expected`
 * the standard output. For SQL, `input` is the setup (schema and rows) run before the candidate's query
 * and `expected` the JSON array of the result's rows, each an array of values.
 */
export const testCaseSchema = z.object({
  name: dbText.trim().min(1).max(CODE_LIMITS.testNameChars),
  input: testValue("input"),
  expected: testValue("expected output"),
});
export type TestCase = z.infer<typeof testCaseSchema>;

export const codeSpecSchema = z.object({
  language: runnableLanguageSchema,
  starterCode: dbText.max(CODE_LIMITS.starterChars),
  /** The function the tests call; null when they feed standard input (and always for SQL). */
  entry: dbText
    .trim()
    .max(CODE_LIMITS.entryChars)
    .regex(/^[A-Za-z_$][\w$]*$/, "The function to call is a plain identifier, such as twoSum.")
    .nullable(),
  tests: z.array(testCaseSchema).max(CODE_LIMITS.testsPerQuestion, `A question has at most ${CODE_LIMITS.testsPerQuestion} test cases.`),
});
export type CodeSpec = z.infer<typeof codeSpecSchema>;
