import type { TestProject } from "vitest/node";
import { ensureProductionBuild } from "../../scripts/production-build";
import setupDatabase from "../support/database-setup";

export default async function setup(project: TestProject) {
  // Tests that talk to the real app over HTTP (next-auth, tRPC, Socket.IO) start it from the production build.
  if (ensureProductionBuild() !== 0) throw new Error("next build failed");
  return setupDatabase(project);
}
