import type { TestProject } from "vitest/node";
import { ensureProductionBuild } from "../../scripts/production-build";
import { createTestDatabaseServer } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Tests that talk to the real app over HTTP (next-auth, tRPC, Socket.IO) start it from the production build.
  if (ensureProductionBuild() !== 0) throw new Error("next build failed");
  const server = await createTestDatabaseServer(Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54339));
  project.provide("templateDatabaseUrl", server.templateUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return () => server.dispose();
}
