import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/platform/db/embedded-postgres";
import { migrate } from "@/server/platform/db/migrate";

export interface TestDatabaseServer {
  /** A migrated database that each test file copies (CREATE DATABASE ... TEMPLATE) for itself. */
  templateUrl: string;
  /** A database on the same server to run CREATE and DROP DATABASE from. */
  adminUrl: string;
  dispose(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}

async function run(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A freshly migrated template database for one test run: a new database on TEST_DATABASE_URL's server
 * when set, otherwise an embedded PostgreSQL in a temporary folder.
 */
export async function createTestDatabaseServer(port: number): Promise<TestDatabaseServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const name = `mockroom_test_${process.pid}_${Date.now()}`;
    await run(external, `CREATE DATABASE ${name}`);
    const templateUrl = withDatabase(external, name);
    await migrate(templateUrl);
    return {
      templateUrl,
      adminUrl: external,
      async dispose() {
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${name}%`]);
        for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
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
    templateUrl: embedded.url,
    adminUrl: withDatabase(embedded.url, "postgres"),
    async dispose() {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A private copy of the template for one test file, so files never see each other's rows. */
export async function copyTemplateDatabase(server: Pick<TestDatabaseServer, "templateUrl" | "adminUrl">): Promise<string> {
  const template = new URL(server.templateUrl).pathname.slice(1);
  const name = `${template}_${Math.random().toString(36).slice(2, 10)}`;
  await run(server.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return withDatabase(server.templateUrl, name);
}
