import { inject } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { copyTemplateDatabase } from "./test-database";

/** This test file's own freshly migrated database (a copy of the run's template; see global-setup.ts). */
export async function fileDatabase(): Promise<{ url: string; db: Db }> {
  const url = await copyTemplateDatabase({ templateUrl: inject("templateDatabaseUrl"), adminUrl: inject("adminDatabaseUrl") });
  return { url, db: createDb(url) };
}
