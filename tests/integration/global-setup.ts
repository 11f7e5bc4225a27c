import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase(Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54339));
  project.provide("databaseUrl", database.url);
  return () => database.dispose();
}
