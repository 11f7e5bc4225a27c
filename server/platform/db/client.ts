import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  /** The same connections, for the few statements that are written as SQL (the room's append). */
  pool: pg.Pool;
}

/**
 * A connection that runs the queries it is handed one after another. Inside an interactive transaction
 * Prisma's adapter sends independent queries (a relation count beside a row, say) at once on the
 * transaction's one connection (prisma/orm#29979); pg 8 queues them with a DeprecationWarning, and pg 9
 * will refuse them. Queries with a callback (pg-pool's own `pool.query`) or a submittable pass through.
 */
export class SerialClient extends pg.Client {
  private tail: Promise<unknown> = Promise.resolve();

  // pg's overloads differ only in what they resolve to; this one keeps all of them.
  override query(...args: unknown[]): never {
    const query = super.query.bind(this) as (...queryArgs: unknown[]) => unknown;
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return query(...args) as never;
    const run = () => query(...args);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result as never;
  }
}

/** The app's connections: one pool, shared by Prisma and the SQL statements. Built once, by the runtime. */
export function createDatabase(databaseUrl: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, Client: SerialClient });
  // An idle connection the server ends (a database restart, or shutdown while PostgreSQL stops first) is
  // removed from the pool, and the next query opens another; unhandled, the error would end the process.
  pool.on("error", () => undefined);
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

/** A client of its own, e.g. for the CLI or a test; it owns (and closes) its connections. */
export function createDb(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, Client: SerialClient }) });
}

export async function closeDatabase(database: Database): Promise<void> {
  await database.prisma.$disconnect();
  await database.pool.end().catch(() => undefined);
}
