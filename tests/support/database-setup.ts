import type { TestProject } from "vitest/node";
import { createTestDatabaseServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/** Vitest global setup: one migrated template database per run, copied by each test file (tests/support/db.ts). */
export default async function setup(project: TestProject) {
  const server = await createTestDatabaseServer(Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54339));
  project.provide("templateDatabaseUrl", server.templateUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return () => server.dispose();
}
