import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { resolveBinary } from "dbmate";

const run = promisify(execFile);
const migrationsDir = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/** dbmate speaks libpq URLs; local servers (embedded, CI) have no TLS, so say so unless the URL decides. */
function forDbmate(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has("sslmode")) url.searchParams.set("sslmode", "disable");
  return url.toString();
}

/** Applies pending plain-SQL migrations from prisma/migrations (dbmate: offline, transactional per file). */
export async function migrate(databaseUrl: string): Promise<void> {
  await run(resolveBinary(), ["--url", forDbmate(databaseUrl), "--migrations-dir", migrationsDir, "--no-dump-schema", "up"], {
    maxBuffer: 10 * 1024 * 1024,
  });
}
