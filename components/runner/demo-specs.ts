import type { CodeSpec, RunnableLanguage } from "@/server/domain/code/code-spec";

/**
 * Tests for the scratchpad's Run panel until questions carry their own CodeSpec (issue 23): the room shows
 * the runner working end to end. Remove with the temporary mount in components/room/scratchpad.tsx.
 */
const TWO_SUM: Pick<CodeSpec, "entry" | "tests"> = {
  entry: "twoSum",
  tests: [
    { name: "the first two", input: "[[2, 7, 11, 15], 9]", expected: "[0, 1]" },
    { name: "not the first", input: "[[3, 2, 4], 6]", expected: "[1, 2]" },
    { name: "a repeated number", input: "[[3, 3], 6]", expected: "[0, 1]" },
  ],
};

const USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, country text);\nINSERT INTO users VALUES (1, 'Ada', 'UK'), (2, 'Bo', 'SE'), (3, 'Cy', 'UK');";

export const DEMO_SPECS: Record<RunnableLanguage, Pick<CodeSpec, "entry" | "tests">> = {
  python: TWO_SUM,
  javascript: TWO_SUM,
  typescript: TWO_SUM,
  sql: {
    entry: null,
    tests: [
      { name: "users per country", input: USERS, expected: '[["UK", 2], ["SE", 1]]' },
      { name: "no users", input: "CREATE TABLE users (id int PRIMARY KEY, name text, country text);", expected: "[]" },
    ],
  },
};

export function isRunnable(language: string): language is RunnableLanguage {
  return Object.hasOwn(DEMO_SPECS, language);
}
