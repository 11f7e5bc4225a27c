import type pg from "pg";
import { closeDatabase, createDatabase, type Db } from "@/server/platform/db/client";
import { createMetrics, type EngineMetrics } from "@/server/platform/observability/metrics";
import { REALTIME_NOT_RUNNING, type RealtimeStatus } from "@/server/realtime/status";
import { RoomEngine } from "@/server/services/room/engine";
import { PublisherRelay } from "@/server/services/room/publisher";
import { BankReader } from "@/server/services/bank/reader/bank-reader";
import type { IceConfig } from "@/server/services/call/ice-servers";
import type { SmtpConfig } from "@/server/services/email/mailer";

/**
 * The process-wide things, built once at start and handed on as arguments from the edges (the tRPC
 * context, the socket gateway, the startup tasks). Services take what they need as parameters and
 * never reach for this; the Next.js bundle's edges find it through process-runtime.ts.
 */
export interface Runtime {
  /** Where the app is reached (APP_URL): the links it hands out start with it. */
  readonly appUrl: string;
  /** The calls' STUN and TURN servers (ICE_STUN_URLS, ICE_TURN_URLS, TURN_SHARED_SECRET). */
  readonly ice: IceConfig;
  /** The SMTP server the outbox sends through (SMTP_*); null when email is off and pages show links to copy. */
  readonly smtp: SmtpConfig | null;
  readonly db: Db;
  /** The same connections as `db`, for the statements written as SQL (the room's log, the review). */
  readonly pool: pg.Pool;
  /** The one writer per room in this process: socket commands and procedures alike go through it. */
  readonly engine: RoomEngine;
  /** Where the engine publishes; the realtime server attaches Socket.IO to it. */
  readonly publisher: PublisherRelay;
  readonly metrics: EngineMetrics;
  /** Reads uploaded bank documents in a process of its own, within a memory and a time limit. */
  readonly bankReader: BankReader;
  /** What /api/health says of Socket.IO; the realtime server replaces it when it starts and stops. */
  realtimeStatus: () => RealtimeStatus;
  /**
   * Closes every open socket of the user, on every node (their sessions ended: a password reset, a new
   * address). Their clients cannot reconnect with the old session. The realtime server sets it when it
   * starts; until then there are no sockets to close.
   */
  endSocketsOf: (userId: string) => void;
  /** Errors worth an operator's attention that no caller can be told of (a failed background write). */
  readonly reportError: (what: string, error: unknown) => void;
}

export interface RuntimeOptions {
  appUrl: string;
  ice: IceConfig;
  smtp: SmtpConfig | null;
  databaseUrl: string;
  poolSize: number;
  reportError?: (what: string, error: unknown) => void;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { prisma, pool } = createDatabase(options.databaseUrl, options.poolSize);
  const publisher = new PublisherRelay();
  const reportError = options.reportError ?? (() => undefined);
  return {
    appUrl: options.appUrl,
    ice: options.ice,
    smtp: options.smtp,
    db: prisma,
    pool,
    engine: new RoomEngine(pool, publisher, reportError, options.smtp !== null),
    publisher,
    metrics: createMetrics(),
    bankReader: new BankReader(),
    realtimeStatus: () => REALTIME_NOT_RUNNING,
    endSocketsOf: () => undefined,
    reportError,
  };
}

export async function closeRuntime(runtime: Runtime): Promise<void> {
  await runtime.bankReader.close();
  await closeDatabase({ prisma: runtime.db, pool: runtime.pool });
}
