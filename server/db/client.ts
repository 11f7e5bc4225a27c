import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/server/env";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  /** The same connections, for the few statements that are written as SQL (the room's append). */
  pool: pg.Pool;
}

// The custom server and the Next.js bundle load this module separately; one pool per process, shared
// through globalThis, keeps a single set of connections.
const globalForDb = globalThis as typeof globalThis & { __mockroomDatabase?: Database };

function createDatabase(databaseUrl: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

/** A client of its own, e.g. for the CLI or a test; it owns (and closes) its connections. */
export function createDb(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

function database(): Database {
  if (!globalForDb.__mockroomDatabase) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the server sets it before serving (embedded PostgreSQL by default).");
    globalForDb.__mockroomDatabase = createDatabase(url, env().DATABASE_POOL_SIZE);
  }
  return globalForDb.__mockroomDatabase;
}

export function db(): PrismaClient {
  return database().prisma;
}

export function pool(): pg.Pool {
  return database().pool;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__mockroomDatabase;
  globalForDb.__mockroomDatabase = undefined;
  if (!current) return;
  await current.prisma.$disconnect();
  await current.pool.end().catch(() => undefined);
}
