import type { Env } from "@/server/platform/env";

// The embedded PostgreSQL's role and database. It only listens on 127.0.0.1, so a fixed password
// protects nothing less than a random one would.
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "mockroom";
export const EMBEDDED_DATABASE = "mockroom";

export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

/**
 * The database the app uses: DATABASE_URL, or the embedded PostgreSQL that the server starts in DATA_DIR.
 * Derived from the configuration alone, so the server and the Next.js handlers in its process agree
 * without passing it along.
 */
export function databaseUrl(config: Pick<Env, "DATABASE_URL" | "EMBEDDED_POSTGRES_PORT">): string {
  return config.DATABASE_URL ?? embeddedDatabaseUrl(config.EMBEDDED_POSTGRES_PORT);
}
