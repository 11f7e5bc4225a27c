import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

// The custom server and the Next.js bundle load this module separately; one client per process,
// shared through globalThis, keeps a single connection pool.
const globalForDb = globalThis as typeof globalThis & { __mockroomDb?: PrismaClient };

export function createDb(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export function db(): PrismaClient {
  if (!globalForDb.__mockroomDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the server sets it before serving (embedded PostgreSQL by default).");
    globalForDb.__mockroomDb = createDb(url);
  }
  return globalForDb.__mockroomDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.__mockroomDb?.$disconnect();
  globalForDb.__mockroomDb = undefined;
}
