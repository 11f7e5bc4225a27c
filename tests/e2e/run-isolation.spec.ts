import type { CodeSpec, RunnableLanguage } from "@/server/domain/code/code-spec";
import type { RunResult } from "@/server/domain/code/run-result";
import { codeRunnerBundle } from "../support/runner-bundle";
import { expect, test } from "./fixtures";

/**
 * A run cannot rig a later one. The page's CodeRunner (bundled here as the app bundles it) runs each program
 * in the app's real workers, in Chromium, from a page of the app under its own Content-Security-Policy. For
 * each language: a run that tampers with its runtime so that later tests pass, then a wrong solution, which
 * must still fail; a run that tampers so that later tests fail, then a right one, which must still pass.
 */

const TWO_SUM: Pick<CodeSpec, "entry" | "tests"> = {
  entry: "twoSum",
  tests: [
    { name: "Example 1", input: "[[2, 7, 11, 15], 9]", expected: "[0, 1]" },
    { name: "Example 2", input: "[[3, 2, 4], 6]", expected: "[1, 2]" },
  ],
};
const SETUP = "CREATE TABLE users (id int PRIMARY KEY, name text, country text);\nINSERT INTO users VALUES (1, 'Ada', 'UK'), (2, 'Bo', 'SE'), (3, 'Cy', 'UK');";
const USERS_PER_COUNTRY: Pick<CodeSpec, "entry" | "tests"> = {
  entry: null,
  tests: [{ name: "users per country", input: SETUP, expected: '[["SE", 1], ["UK", 2]]' }],
};

const PY_SOLVE =
  "def solve(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n";
const JS_SOLVE =
  "function solve(nums, target) {\n  const seen = new Map();\n  for (let i = 0; i < nums.length; i++) {\n    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n    seen.set(nums[i], i);\n  }\n}\n";

interface Case {
  language: RunnableLanguage;
  spec: Pick<CodeSpec, "entry" | "tests">;
  /** Makes every later test pass, if it could: the tests' own machinery answers for the code. */
  rigToPass: string;
  wrong: string;
  /** Makes every later test fail, if it could. */
  rigToFail: string;
  right: string;
}

const CASES: Case[] = [
  {
    language: "python",
    spec: TWO_SUM,
    // The harness finds the tested function through its module (__main__): this one answers every test.
    rigToPass: `${PY_SOLVE}import __main__\n__main__._mockroom_entry = lambda name: solve`,
    wrong: "def twoSum(nums, target):\n    return []",
    rigToFail: 'import builtins, json\njson.dumps = lambda *args, **kwargs: \'["error", "rigged"]\'\nbuiltins.enumerate = lambda *args: iter([])',
    right: PY_SOLVE.replace("def solve", "def twoSum"),
  },
  {
    language: "javascript",
    spec: TWO_SUM,
    rigToPass: `${JS_SOLVE}globalThis.__mockroom_call = (name, args) => solve(...JSON.parse(args));`,
    wrong: "function twoSum() { return []; }",
    rigToFail: 'globalThis.__mockroom_json = () => "null";\nMap.prototype.has = () => false;',
    right: JS_SOLVE.replace("function solve", "function twoSum"),
  },
  {
    language: "typescript",
    spec: TWO_SUM,
    rigToPass: `${JS_SOLVE.replace("(nums, target)", "(nums: number[], target: number)")}(globalThis as any).__mockroom_call = (name: string, args: string) => solve(...(JSON.parse(args) as [number[], number]));`,
    wrong: "function twoSum(nums: number[], target: number): number[] { return []; }",
    rigToFail: '(globalThis as any).__mockroom_json = (): string => "null";',
    right: JS_SOLVE.replace("function solve(nums, target)", "function twoSum(nums: number[], target: number): number[] | undefined"),
  },
  {
    language: "sql",
    spec: USERS_PER_COUNTRY,
    // pg_catalog is outside what a reset drops: a function there is found from any schema.
    rigToPass:
      "CREATE FUNCTION pg_catalog.answer() RETURNS TABLE (country text, count bigint) LANGUAGE sql AS $$ VALUES ('SE', 1::bigint), ('UK', 2::bigint) $$;",
    wrong: "SELECT * FROM answer();",
    // An event trigger adds a user to every users table a later setup creates.
    rigToFail:
      "CREATE FUNCTION pg_catalog.add_a_user() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN IF to_regclass('users') IS NOT NULL THEN INSERT INTO users VALUES (99, 'Zed', 'SE'); END IF; END $$;\nCREATE EVENT TRIGGER add_a_user ON ddl_command_end EXECUTE FUNCTION pg_catalog.add_a_user();",
    right: "SELECT country, count(*) FROM users GROUP BY country;",
  },
];

let bundle: Promise<string> | null = null;

function verdicts(result: RunResult): boolean[] {
  return result.tests.map((test) => test.passed);
}

for (const { language, spec, rigToPass, wrong, rigToFail, right } of CASES) {
  test(`${language}: a run that tampers with its runtime rigs no later run`, async ({ page }) => {
    // Six runs back to back, each in a fresh runtime (Python's takes seconds to start, more on a loaded machine).
    test.setTimeout(360_000);
    await page.goto("/sign-in");
    await page.evaluate(await (bundle ??= codeRunnerBundle()));
    const run = (code: string) =>
      page.evaluate((request) => (window as unknown as { codeRunner: { run(request: unknown): Promise<RunResult> } }).codeRunner.run(request), {
        language,
        code,
        spec,
      });
    const all = spec.tests.map(() => true);
    const none = spec.tests.map(() => false);
    expect(verdicts(await run(right)), "the right solution, first").toEqual(all);
    expect(verdicts(await run(wrong)), "the wrong solution, first").toEqual(none);
    await run(rigToPass);
    expect.soft(verdicts(await run(wrong)), "the wrong solution, after a run that rigs the tests to pass").toEqual(none);
    await run(rigToFail);
    expect.soft(verdicts(await run(right)), "the right solution, after a run that rigs the tests to fail").toEqual(all);
  });
}
