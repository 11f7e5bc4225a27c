import path from "node:path";
import type { Db } from "@/server/platform/db/client";
import { env } from "@/server/platform/env";
import { deleteExpiredBuckets } from "@/server/services/accounts/rate-limits";
import { bankFilesIn, describeOutcome, importBankPaths } from "@/server/services/bank/import-paths";

const BUNDLED_BANK_DIR = path.resolve("content/banks");

/**
 * Work that runs once the server is listening. A fresh install gets the bundled question bank as its
 * shared documents; an install that has any shared document is left alone.
 * Failures are logged, never fatal: the app is useful without the bundled bank.
 */
export async function onServerStarted(db: Db, log: (line: string) => void): Promise<void> {
  const sweep = () => deleteExpiredBuckets(db, new Date()).catch((error: unknown) => log(`rate limits: sweeping old counters failed: ${String(error)}`));
  void sweep();
  setInterval(() => void sweep(), RATE_LIMIT_SWEEP_MS).unref();
  await importBundledBank(db, log);
}

const RATE_LIMIT_SWEEP_MS = 60 * 60 * 1000;

async function importBundledBank(db: Db, log: (line: string) => void): Promise<void> {
  if (!env().BANK_IMPORT_ON_START) return;
  try {
    if ((await db.bankDocument.count({ where: { ownerId: null } })) > 0) return;
    const files = await bankFilesIn(BUNDLED_BANK_DIR);
    const startedAt = performance.now();
    for (const result of await importBankPaths(db, files)) {
      log(result.ok ? `bank: ${path.basename(result.file)} ${describeOutcome(result.outcome)}` : `bank: ${result.message}`);
    }
    log(`bank: imported the bundled question bank (${files.length} documents) in ${Math.round(performance.now() - startedAt)} ms`);
  } catch (error) {
    log(`bank: importing the bundled question bank failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
