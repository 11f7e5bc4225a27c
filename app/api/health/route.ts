import { NextResponse } from "next/server";
import { processRuntime } from "@/server/platform/process-runtime";

export const dynamic = "force-dynamic";

const DATABASE_TIMEOUT_MS = 2_000;

async function databaseStatus(): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
  const started = performance.now();
  try {
    await Promise.race([
      processRuntime().db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), DATABASE_TIMEOUT_MS)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable" };
  }
}

export async function GET() {
  const database = await databaseStatus();
  const realtime = processRuntime().realtimeStatus();
  const ok = database.ok && realtime.running;

  return NextResponse.json(
    { status: ok ? "ok" : "degraded", database, realtime, time: new Date().toISOString() },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
