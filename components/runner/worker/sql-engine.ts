import type { PGlite, Results } from "@electric-sql/pglite";
import { compareRows, formatJsonValue, type JsonValue } from "@/server/domain/code/compare";
import type { TestResult } from "@/server/domain/code/run-result";
import type { Job, JobEnd } from "../protocol";
import { Stopped, timeLimitMessage, withVerdict, type Engine, type JobIO } from "./engine";
import { formatTable } from "./sql-table";

/**
 * PostgreSQL values as the tests compare them: what psql prints for dates and times (text), numbers as
 * numbers (bigint and numeric included: COUNT(*) is a bigint), the rest as PGlite parses it.
 */
const TEXT = (value: string) => value;
const NUMBER = (value: string) => {
  const number = Number(value);
  return Number.isFinite(number) && (Number.isSafeInteger(number) || !/^-?\d+$/.test(value)) ? number : value;
};
const OID = { int8: 20, numeric: 1700, date: 1082, time: 1083, timestamp: 1114, timestamptz: 1184, interval: 1186, timetz: 1266 } as const;
export const SQL_PARSERS = {
  [OID.int8]: NUMBER,
  [OID.numeric]: NUMBER,
  [OID.date]: TEXT,
  [OID.time]: TEXT,
  [OID.timestamp]: TEXT,
  [OID.timestamptz]: TEXT,
  [OID.interval]: TEXT,
  [OID.timetz]: TEXT,
};

/**
 * Puts the database back as it started for the next test: no open transaction, table, schema, temporary
 * object or setting of the one before. Separate statements: a string of several runs as one transaction,
 * and DISCARD ALL cannot. What a superuser can put in pg_catalog (a function, a table, an event trigger)
 * or in the cluster (a role) survives it: no reset is a fresh database, which is why each run gets a
 * worker of its own.
 */
const RESET = [
  "ROLLBACK",
  "DISCARD ALL",
  `DO $$ DECLARE name text; BEGIN
  FOR name IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', name);
  END LOOP;
END $$;
DROP SCHEMA public CASCADE; CREATE SCHEMA public;`,
];

async function reset(db: PGlite): Promise<void> {
  for (const statement of RESET) await db.exec(statement);
}

/**
 * SQL in PGlite (PostgreSQL compiled to WebAssembly): a fresh database for each run (the page gives each
 * run a worker of its own), reset before the plain run and before every test. A plain run executes the setup (the standard-input box) and then the query, and prints each
 * result set as a table; a test runs its input as the setup and compares the last result set's rows.
 * PostgreSQL runs a statement to its end: the page's time limit ends the worker when one does not.
 */
export function createSqlEngine(db: PGlite): Engine {
  return {
    async run(job, io) {
      const deadline = io.now() + job.limits.timeMs;
      const checkTime = () => {
        if (io.now() > deadline) throw new Stopped({ status: "timeout", message: timeLimitMessage(job) });
      };
      try {
        const end = await plainRun(db, job, io);
        for (const [index, test] of job.tests.entries()) {
          checkTime();
          io.test(index, await sqlTest(db, job.code, test));
        }
        checkTime();
        return end;
      } catch (error) {
        if (error instanceof Stopped) return error.end;
        return { status: "error", message: `The PostgreSQL runtime failed (${(error as Error).message}); the next run starts a fresh one.` };
      }
    },
  };
}

/** The setup typed in the input box, or else the first test's, then the query, its result sets printed. */
async function plainRun(db: PGlite, job: Job, io: JobIO): Promise<JobEnd> {
  await reset(db);
  const setup = job.stdin.trim() !== "" ? job.stdin : (job.tests[0]?.input ?? "");
  if (setup.trim() !== "") {
    const failed = await attempt(() => db.exec(setup, { rowMode: "array" }), setup);
    if (failed.error !== null) {
      io.write("stderr", `In the setup:\n${failed.error}\n`);
      return { status: "error", message: null };
    }
  }
  const ran = await attempt(() => db.exec(job.code, { rowMode: "array" }), job.code);
  for (const result of ran.results) if (result.fields.length > 0) io.write("stdout", `${formatTable(result)}\n`);
  if (ran.error === null) return { status: "ok", message: null };
  io.write("stderr", `${ran.error}\n`);
  return { status: "error", message: null };
}

async function sqlTest(db: PGlite, code: string, test: Job["tests"][number]): Promise<TestResult> {
  const base = { name: test.name, expected: test.expected };
  await reset(db);
  const setup = await attempt(() => db.exec(test.input), test.input);
  if (setup.error !== null) return { ...base, passed: false, actual: null, invalid: true, error: `The test's setup failed:\n${setup.error}` };
  const ran = await attempt(() => db.exec(code, { rowMode: "array" }), code);
  if (ran.error !== null) return { ...base, passed: false, actual: null, error: ran.error };
  const last = ran.results.findLast((result) => result.fields.length > 0);
  if (!last)
    return { ...base, passed: false, actual: null, error: "The query returned no rows to compare: its last statement must be a SELECT (or return rows)." };
  const rows = (last.rows as unknown[][]).map((row) => row.map(toJsonValue));
  return withVerdict({ ...base, actual: formatJsonValue(rows) }, compareRows(test.expected, rows));
}

/** Every result set, or the error as psql shows it (with the line and a caret under the position). */
async function attempt(run: () => Promise<Results[]>, sql: string): Promise<{ results: Results[]; error: string | null }> {
  try {
    return { results: await run(), error: null };
  } catch (error) {
    return { results: [], error: describeError(error, sql) };
  }
}

interface PostgresError {
  message: string;
  position?: string;
  detail?: string;
  hint?: string;
}

export function describeError(error: unknown, sql: string): string {
  const { message, position, detail, hint } = error as PostgresError;
  const lines = [`ERROR:  ${message}`];
  const at = Number(position);
  if (Number.isInteger(at) && at > 0) {
    const before = sql.slice(0, at - 1);
    const lineNumber = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n") - 1;
    const prefix = `LINE ${lineNumber}: `;
    lines.push(`${prefix}${sql.split("\n")[lineNumber - 1] ?? ""}`, `${" ".repeat(prefix.length + column)}^`);
  }
  if (detail) lines.push(`DETAIL:  ${detail}`);
  if (hint) lines.push(`HINT:  ${hint}`);
  return lines.join("\n");
}

/** A value of a result row as JSON: bytea as psql's hex, anything else as JSON would carry it. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonValue(item)]));
  return value as JsonValue;
}
