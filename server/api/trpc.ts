import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type pg from "pg";
import type { Db } from "@/server/platform/db/client";
import type { Runtime } from "@/server/platform/runtime";
import type { IceConfig } from "@/server/services/call/ice-servers";
import type { RoomEngine } from "@/server/services/room/engine";
import type { BankReader } from "@/server/services/bank/reader/bank-reader";
import type { SessionUser } from "@/server/auth/session";
import { bankReadScope, canImportToBank } from "@/server/domain/bank/policy";
import { canPractise, PRACTICE_NEEDS_ACCOUNT } from "@/server/domain/practice/policy";
import { AppError, ERROR_CODES, RetryLaterError, type ErrorCode } from "@/server/platform/errors";
import { DATABASE_RETRY_AFTER_MS, isDatabaseOverload } from "@/server/platform/db/overload";

export interface Context {
  /** Where the app is reached, for the links a procedure hands out. */
  appUrl: string;
  /** The calls' STUN and TURN servers, for the credentials a member is issued. */
  ice: IceConfig;
  /** Whether this server sends email; when it does not, pages show the links to copy. */
  emailOn: boolean;
  db: Db;
  /** The same connections, for the services written as SQL. */
  pool: pg.Pool;
  /** The room engine: procedures that change a room go through it, as socket commands do. */
  engine: RoomEngine;
  /** Reads uploaded bank documents off the event loop, within a memory and a time limit. */
  bankReader: BankReader;
  user: SessionUser | null;
  /** Closes the user's open sockets, on every node, once their sessions have ended. */
  endSocketsOf: (userId: string) => void;
  /** Who is asking, as the custom server stamped it: for per-address rate limits only. */
  clientAddress: string;
}

export function createContext(runtime: Runtime, user: SessionUser | null, clientAddress = "unknown"): Context {
  return {
    appUrl: runtime.appUrl,
    ice: runtime.ice,
    emailOn: runtime.smtp !== null,
    db: runtime.db,
    pool: runtime.pool,
    engine: runtime.engine,
    bankReader: runtime.bankReader,
    user,
    endSocketsOf: (userId) => runtime.endSocketsOf(userId),
    clientAddress,
  };
}

const trpcCodeFor: Record<ErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  BUSY: "SERVICE_UNAVAILABLE",
  OUTDATED_CLIENT: "PRECONDITION_FAILED",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * What a caller is told about a failed procedure: the app's error code, a sentence, and per-field
 * messages for forms; never a stack trace or an internal message.
 */
export function clientErrorOf(error: TRPCError): { code: ErrorCode; message: string; fieldErrors: Record<string, string[]> | undefined } {
  const cause = error.cause;
  const appError = cause instanceof AppError ? cause : null;
  // Only the input's validation is the caller's fault; a ZodError from inside a procedure (a JSON column,
  // an output schema) is a bug and stays INTERNAL.
  const zodError = cause instanceof ZodError && error.code === "BAD_REQUEST" ? cause : null;
  const code: ErrorCode = appError?.code ?? (zodError ? "BAD_REQUEST" : error.code === "INTERNAL_SERVER_ERROR" ? "INTERNAL" : "BAD_REQUEST");
  const message = appError?.message ?? (zodError ? "Some fields need attention." : code === "INTERNAL" ? ERROR_CODES.INTERNAL : error.message);
  return { code, message, fieldErrors: appError?.fieldErrors ?? (zodError ? fieldErrorsOf(zodError) : undefined) };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const { code, message, fieldErrors } = clientErrorOf(error);
    return { message, code: shape.code, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, appCode: code, fieldErrors } };
  },
});

/** What a procedure's failure is to its caller: an AppError as it is, a full database pool as BUSY, anything else as it is (INTERNAL). */
function appErrorOf(cause: unknown): AppError | null {
  if (cause instanceof AppError) return cause;
  return isDatabaseOverload(cause) ? new RetryLaterError("BUSY", DATABASE_RETRY_AFTER_MS) : null;
}

/** Turns an AppError thrown anywhere below into the matching tRPC (and HTTP) status. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const appError = result.ok ? null : appErrorOf(result.error.cause);
  if (appError) throw new TRPCError({ code: trpcCodeFor[appError.code], message: appError.message, cause: appError });
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(appErrors);
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError("UNAUTHORIZED");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Base of the bank's read procedures: signed in, with the bank policy's read scope in the context. */
export const bankReadProcedure = protectedProcedure.use(({ ctx, next }) => {
  const scope = bankReadScope(ctx.user);
  if (!scope) throw new AppError("FORBIDDEN", "Guests cannot use the question bank; sign up to do that.");
  return next({ ctx: { ...ctx, scope } });
});

/** Base of the procedures that add to or change the bank; which document may change is decided per document. */
export const bankWriteProcedure = bankReadProcedure.use(({ ctx, next }) => {
  if (!canImportToBank(ctx.user)) throw new AppError("FORBIDDEN", "Guests cannot import or edit questions; sign up to do that.");
  return next();
});

/** Base of the peer practice procedures: accounts only. */
export const practiceProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!canPractise(ctx.user)) throw new AppError("FORBIDDEN", PRACTICE_NEEDS_ACCOUNT);
  return next();
});
