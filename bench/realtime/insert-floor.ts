// npx tsx bench/realtime/insert-floor.ts [--rows 20000] [--batch 25]
// The database floor of a room command: a bare batched insert of event rows (the same table, the same
// jsonb_to_recordset shape, no notes, no checks), timed for client and PostgreSQL CPU per row.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort } from "@/tests/support/free-port";
import { createTestDatabaseServer } from "@/tests/support/test-database";
import { loadAverage, treeCpuMsOf } from "./process-stats";

const { values } = parseArgs({ options: { rows: { type: "string", default: "20000" }, batch: { type: "string", default: "25" } } });
const ROWS = Number(values.rows);
const BATCH = Number(values.batch);

const database = await createTestDatabaseServer(await freePort());
const pool = new pg.Pool({ connectionString: database.templateUrl, max: 4 });
try {
  const userId = randomUUID();
  const sessionIds = Array.from({ length: BATCH }, () => randomUUID());
  await pool.query(`INSERT INTO "User" ("id", "name", "updatedAt") VALUES ($1, 'floor', now())`, [userId]);
  for (const id of sessionIds)
    await pool.query(`INSERT INTO "InterviewSession" ("id", "title", "createdById", "updatedAt") VALUES ($1, 'floor', $2, now())`, [id, userId]);
  const checkpointer = (await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")).rows[0]?.pid;
  const { readFileSync } = await import("node:fs");
  const postmaster = checkpointer ? Number(readFileSync(`/proc/${checkpointer}/stat`, "utf8").split(") ")[1]?.split(" ")[1]) : null;

  const seqs = new Map(sessionIds.map((id) => [id, 0]));
  const cpuBefore = process.cpuUsage();
  const dbBefore = postmaster ? treeCpuMsOf(postmaster) : 0;
  const started = performance.now();
  const inFlight: Array<Promise<unknown>> = [];
  for (let done = 0; done < ROWS; done += BATCH) {
    const rows = sessionIds.map((sessionId) => {
      const seq = seqs.get(sessionId)! + 1;
      seqs.set(sessionId, seq);
      return {
        sessionId,
        seq,
        type: "noteAdded",
        actorId: userId,
        payload: { noteId: randomUUID(), body: "Note: clear reasoning about the trade-offs." },
        idempotencyKey: randomUUID(),
        createdAt: new Date().toISOString(),
      };
    });
    inFlight.push(
      // Named, as the app's append is: planned once per connection.
      pool.query({
        name: "floor-insert",
        text: `INSERT INTO "SessionEvent" ("id", "sessionId", "seq", "type", "actorId", "payload", "idempotencyKey", "createdAt")
               SELECT gen_random_uuid()::text, "sessionId", "seq", "type", "actorId", "payload", "idempotencyKey", "createdAt"
                 FROM jsonb_to_recordset($1::jsonb) AS x("sessionId" text, "seq" int, "type" text, "actorId" text, "payload" jsonb, "idempotencyKey" text, "createdAt" timestamptz)
               ON CONFLICT ("idempotencyKey") DO NOTHING`,
        values: [JSON.stringify(rows)],
      }),
    );
    if (inFlight.length >= 4) await inFlight.shift();
  }
  await Promise.all(inFlight);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const dbMs = postmaster ? treeCpuMsOf(postmaster) - dbBefore : NaN;
  console.log(
    JSON.stringify({
      rows: ROWS,
      batch: BATCH,
      rows_per_second: Math.round((ROWS / elapsed) * 1000),
      client_cpu_ms_per_row: Math.round(((cpu.user + cpu.system) / 1000 / ROWS) * 1000) / 1000,
      db_cpu_ms_per_row: Math.round((dbMs / ROWS) * 1000) / 1000,
      load_average: loadAverage(),
    }),
  );
} finally {
  await pool.end();
  await database.dispose();
}
