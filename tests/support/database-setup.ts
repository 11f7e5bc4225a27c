import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { createTestDatabaseServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/** A port nothing listens on now, so that runs side by side (Stryker's runners, two terminals) do not collide. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Vitest global setup: one migrated template database per run, copied by each test file (tests/support/db.ts). */
export default async function setup(project: TestProject) {
  const port = process.env.TEST_EMBEDDED_POSTGRES_PORT ? Number(process.env.TEST_EMBEDDED_POSTGRES_PORT) : await freePort();
  const server = await createTestDatabaseServer(port);
  project.provide("templateDatabaseUrl", server.templateUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return () => server.dispose();
}
