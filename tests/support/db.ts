import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "@/server/platform/db/client";
import type { Command } from "@/server/domain/room";
import { RoomEngine } from "@/server/services/room/engine";
import { executeCommand, memberRole, type CommandOutcome } from "@/server/services/room/actions";
import { copyTemplateDatabase } from "./test-database";

export interface FileDatabase {
  url: string;
  db: Db;
  /** A room engine of the test's own, as another node would have: the app's engine finds what it wrote. */
  rooms: RoomEngine;
  pool: pg.Pool;
}

/** This test file's own freshly migrated database (a copy of the run's template; see global-setup.ts). */
export async function fileDatabase(): Promise<FileDatabase> {
  const url = await copyTemplateDatabase({ templateUrl: inject("templateDatabaseUrl"), adminUrl: inject("adminDatabaseUrl") });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return { url, db: createDb(url), pool, rooms: new RoomEngine(pool, { events: () => {}, scratchpadEdit: () => {}, sessionDeleted: () => {} }) };
}

/** Runs a room command as `userId`, with the role the database gives them, as the socket handler does. */
export async function roomCommand(
  database: Pick<FileDatabase, "pool" | "rooms">,
  sessionId: string,
  userId: string,
  command: Command,
): Promise<CommandOutcome> {
  const actor = { userId, role: await memberRole(database.pool, sessionId, userId) };
  return executeCommand(database.rooms, { sessionId, actor, idempotencyKey: randomUUID(), command, now: new Date() });
}
