import { databaseUrl } from "@/server/platform/db/database-url";
import { env, iceConfigOf, smtpConfigOf } from "@/server/platform/env";
import { closeRuntime, createRuntime, type Runtime } from "@/server/platform/runtime";

// The custom server and the Next.js bundle load modules separately, so module state is not shared
// between them. This one slot is how the bundle's edges (the tRPC route, server components, NextAuth,
// /api/health) reach the runtime the server built. Nothing below the edges reads it.
const slot = globalThis as typeof globalThis & { __mockroomRuntime?: Runtime };

/** Makes `runtime` the process's; the server calls it once, before it serves anything. */
export function installRuntime(runtime: Runtime): void {
  slot.__mockroomRuntime = runtime;
}

/** The process's runtime, for edges only; built from the environment on first use when no server built one (tests). */
export function processRuntime(): Runtime {
  if (!slot.__mockroomRuntime) {
    const config = env();
    installRuntime(
      createRuntime({
        appUrl: config.APP_URL,
        ice: iceConfigOf(config),
        smtp: smtpConfigOf(config),
        databaseUrl: databaseUrl(config),
        poolSize: config.DATABASE_POOL_SIZE,
      }),
    );
  }
  return slot.__mockroomRuntime!;
}

/** Closes the process's runtime, if one was built; the next `processRuntime()` builds a new one. */
export async function closeProcessRuntime(): Promise<void> {
  const runtime = slot.__mockroomRuntime;
  slot.__mockroomRuntime = undefined;
  if (runtime) await closeRuntime(runtime);
}
