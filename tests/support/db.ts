import { inject } from "vitest";
import { createDb, type Db } from "@/server/db/client";

/** A Prisma client on the run's test database (see global-setup.ts). */
export function testDb(): Db {
  return createDb(inject("databaseUrl"));
}
