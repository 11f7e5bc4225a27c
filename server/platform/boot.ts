// What every entry point (the server, the bank CLI) does before it works: read the configuration the
// way Next.js does, and open the database the app uses.
import nextEnv from "@next/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/server/platform/db/embedded-postgres";
import { databaseUrl } from "@/server/platform/db/database-url";
import { migrate } from "@/server/platform/db/migrate";
import { parseEnv, type Env } from "@/server/platform/env";

/**
 * The configuration: .env, .env.local, .env.production… (the same files, in the same order, that Next.js
 * reads), then the environment, validated (an invalid variable throws EnvError, naming it).
 */
export function loadConfig(options: { dev: boolean; quiet?: boolean }): Env {
  // @next/env is CommonJS, whose named exports Node cannot detect when this runs as an ES module.
  const quiet = { info: () => {}, error: (...args: unknown[]) => console.error(...args) };
  nextEnv.loadEnvConfig(process.cwd(), options.dev, options.quiet ? quiet : undefined);
  return parseEnv({ ...process.env, NODE_ENV: options.dev ? "development" : (process.env.NODE_ENV ?? "production") });
}

export interface OpenedDatabase {
  url: string;
  /** The embedded PostgreSQL this process started; to stop when it ends. */
  embedded?: EmbeddedDatabase;
}

/**
 * The database the app uses, migrated: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR, started here
 * (or joined, when a server already runs on that folder). `onEmbeddedStarted` hears of it before the
 * migrations run, so that a stop signal meanwhile can stop it too.
 */
export async function openDatabase(
  config: Env,
  options: { log?: (line: string) => void; onEmbeddedStarted?: (embedded: EmbeddedDatabase) => void } = {},
): Promise<OpenedDatabase> {
  let opened: OpenedDatabase = { url: databaseUrl(config) };
  if (!config.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_POSTGRES_PORT, log: options.log });
    options.onEmbeddedStarted?.(embedded);
    opened = { url: embedded.url, embedded };
  }
  await migrate(opened.url);
  return opened;
}
