import { Prisma } from "./generated/client";

/** How long a caller refused for a full pool is asked to wait before trying again. */
export const DATABASE_RETRY_AFTER_MS = 1_000;

/**
 * Whether an error says the database's connections were all busy, not that anything is wrong: Prisma
 * gives up starting an interactive transaction after its `maxWait` (P2028) or waiting for a connection
 * (P2024). That is load, and the app answers it as load (BUSY), never as a bug (INTERNAL).
 */
export function isDatabaseOverload(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2028" || error.code === "P2024");
}
