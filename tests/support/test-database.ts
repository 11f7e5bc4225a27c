import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { migrate } from "@/server/db/migrate";

export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

/**
 * A freshly migrated database for one test run: a new database on TEST_DATABASE_URL's server when set,
 * otherwise an embedded PostgreSQL in a temporary folder.
 */
export async function createTestDatabase(port: number): Promise<TestDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const name = `mockroom_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    return {
      url: url.toString(),
      async dispose() {
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "mockroom-test-"));
  // mkdtemp makes the folder private; when run as root, PostgreSQL runs as the postgres user and must enter it.
  await chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, port });
  await migrate(embedded.url);
  return {
    url: embedded.url,
    async dispose() {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
