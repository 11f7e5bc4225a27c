import { PGlite } from "@electric-sql/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "./engine";
import { createSqlEngine, describeError, SQL_PARSERS, toJsonValue } from "./sql-engine";
import { runOn } from "./test-io";

let engine: Engine;

beforeAll(async () => {
  engine = createSqlEngine(await PGlite.create({ parsers: SQL_PARSERS }));
}, 60_000);

const SETUP =
  "CREATE TABLE users (id int PRIMARY KEY, name text, joined date, score numeric, visits bigint);\nINSERT INTO users VALUES (1, 'Ada', '2024-01-05', 3.50, 10), (2, 'Bo', NULL, 2, 3);";
const sql = (code: string, more: Partial<Parameters<typeof runOn>[1]> = {}) => runOn(engine, { language: "sql", code, ...more });

describe("a SQL run", () => {
  it("runs the setup box, then the query, and prints each result set as psql does", async () => {
    const ran = await sql("SELECT id, name, joined, score FROM users ORDER BY id; SELECT count(*) FROM users;", { stdin: SETUP });
    expect(ran.end.status).toBe("ok");
    expect(ran.stdout).toBe(
      [
        " id | name | joined     | score",
        "----+------+------------+-------",
        " 1  | Ada  | 2024-01-05 | 3.5",
        " 2  | Bo   | NULL       | 2",
        "(2 rows)",
        " count",
        "-------",
        " 2",
        "(1 row)",
        "",
      ].join("\n"),
    );
  });

  it("shows an error as psql does, with the line and a caret", async () => {
    const ran = await sql("SELECT\n  id,\n  nme FROM users", { stdin: SETUP });
    expect(ran.end.status).toBe("error");
    expect(ran.stderr).toBe(
      'ERROR:  column "nme" does not exist\nLINE 3:   nme FROM users\n          ^\nHINT:  Perhaps you meant to reference the column "users.name".\n',
    );
  });

  it("starts every run from an empty database, whatever the last one committed or created", async () => {
    await sql("CREATE TABLE t (x int); COMMIT; CREATE SCHEMA s; CREATE TEMP TABLE tt (y int); SET search_path = s; BEGIN;");
    const ran = await sql(
      "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'); SHOW search_path; SELECT nspname FROM pg_namespace WHERE nspname = 's';",
    );
    expect(ran.stdout).toContain(" count\n-------\n 0\n");
    expect(ran.stdout).toContain(" search_path\n-------------\n public\n");
    expect(ran.stdout).toContain("(0 rows)");
  });
});

describe("SQL tests", () => {
  it("run the test's setup, then compare the last result set's rows in any order", async () => {
    const ran = await sql("SELECT name, visits, joined FROM users;", {
      tests: [
        { name: "all users", input: SETUP, expected: '[["Bo", 3, null], ["Ada", 10, "2024-01-05"]]' },
        { name: "wrong", input: SETUP, expected: '[["Ada", 10, "2024-01-05"]]' },
        { name: "broken setup", input: "CREATE TABL x", expected: "[]" },
        { name: "broken expected", input: SETUP, expected: "[[1]" },
      ],
    });
    expect(ran.tests.map((test) => [test.passed, test.invalid ?? false])).toEqual([
      [true, false],
      [false, false],
      [false, true],
      [false, true],
    ]);
    expect(ran.tests[0]?.actual).toBe('[["Ada", 10, "2024-01-05"], ["Bo", 3, null]]');
    expect(ran.tests[2]?.error).toMatch(/^The test's setup failed:\nERROR: {2}syntax error at or near "TABL"/);
  });

  it("fail a query that errs or returns no rows, with the reason", async () => {
    const ran = await sql("DELETE FROM users;", { tests: [{ name: "t", input: SETUP, expected: "[]" }] });
    expect(ran.tests[0]?.error).toMatch(/returned no rows to compare/);
    const failed = await sql("SELECT nope FROM users;", { tests: [{ name: "t", input: SETUP, expected: "[]" }] });
    expect(failed.tests[0]?.error).toMatch(/^ERROR: {2}column "nope" does not exist/);
  });
});

describe("SQL values", () => {
  it("become JSON: bigint as a number while exact, bytea as hex, dates as psql prints them", () => {
    expect(toJsonValue(12n)).toBe(12);
    expect(toJsonValue(2n ** 64n)).toBe("18446744073709551616");
    expect(toJsonValue(new Uint8Array([0, 255]))).toBe("\\x00ff");
    expect(toJsonValue({ a: [1n, null] })).toEqual({ a: [1, null] });
    expect(SQL_PARSERS[1082]?.("2024-01-05")).toBe("2024-01-05");
    expect(SQL_PARSERS[1700]?.("3.50")).toBe(3.5);
    expect(SQL_PARSERS[20]?.("9007199254740993")).toBe("9007199254740993");
  });

  it("errors without a position have no caret line", () => {
    expect(describeError({ message: "boom" }, "SELECT 1")).toBe("ERROR:  boom");
  });
});
