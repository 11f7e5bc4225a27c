import type { TestProject } from "vitest/node";
import { freePort } from "./free-port";
import { createTestDatabaseServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/** Vitest global setup: one migrated template database per run, copied by each test file (tests/support/db.ts). */
export default async function setup(project: TestProject) {
  const port = process.env.TEST_EMBEDDED_POSTGRES_PORT ? Number(process.env.TEST_EMBEDDED_POSTGRES_PORT) : await freePort();
  const server = await createTestDatabaseServer(port);
  project.provide("templateDatabaseUrl", server.templateUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return () => server.dispose();
}
