import { processRuntime, closeProcessRuntime } from "@/server/platform/process-runtime";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { appRouter } from "@/server/api/root";
import { clientErrorOf, createCallerFactory, createContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import type { Role } from "@/server/domain/room";
import { AppError, toFailure } from "@/server/platform/errors";
import { roomCommandPayloadSchema, roomJoinPayloadSchema, roomLeavePayloadSchema, timeSyncPayloadSchema } from "@/server/realtime/protocol";
import { createGuest } from "@/server/services/accounts/guest";
import { executeCommand, joinRoom, leaveRoom, memberRole } from "@/server/services/room/actions";
import type { HttpSession } from "../support/http-session";
import { describeAuthorizationTable, type Connection } from "../security/authorization-suite";

// The authorisation table driven in process, for mutation testing only (npm run test:mutation): StrykerJS
// sees which code each cell runs only when it runs in the test's own process. The procedures run with
// their input schemas through tRPC's caller; the socket events as server/realtime/room-handlers.ts handles
// them. npm test drives the same table over HTTP and Socket.IO (tests/security/authorization.test.ts).

interface InProcessMember {
  user: SessionUser | null;
  trpc: HttpSession["trpc"];
}

const createCaller = createCallerFactory(appRouter);

/** The HTTP client's `.query()` / `.mutate()` shape over a direct caller. */
function inProcessClient(user: SessionUser | null): HttpSession["trpc"] {
  const caller = createCaller(createContext(processRuntime(), user, "in-process")) as unknown as Record<string, unknown>;
  const at = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get(_target, key) {
        if (key === "query" || key === "mutate") {
          const procedure = path.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as (input: unknown) => Promise<unknown>;
          return (input: unknown) => procedure(input);
        }
        return at([...path, String(key)]);
      },
    });
  return at([]) as HttpSession["trpc"];
}

function member(user: SessionUser | null): InProcessMember {
  return { user, trpc: inProcessClient(user) };
}

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new AppError("BAD_REQUEST", "That message was malformed.");
  return result.data;
}

/** What room-handlers.ts does for each event, minus the socket. */
function connection(user: SessionUser): Connection {
  const roles = new Map<string, Role>();
  const engine = processRuntime().engine;
  const actorIn = (sessionId: string) => {
    const role = roles.get(sessionId);
    if (!role) throw new AppError("FORBIDDEN", "Join the room first.");
    return { userId: user.id, role };
  };
  const handle = async (event: string, payload: unknown): Promise<object> => {
    switch (event) {
      case "time:sync":
        return { serverNow: Date.now(), clientSentAt: parse(timeSyncPayloadSchema, payload).clientSentAt };
      case "room:join": {
        const input = parse(roomJoinPayloadSchema, payload);
        const actor = { userId: user.id, role: await memberRole(processRuntime().pool, input.sessionId, user.id) };
        const outcome = await joinRoom(engine, processRuntime().pool, {
          sessionId: input.sessionId,
          actor,
          name: user.name,
          lastSeq: input.lastSeq,
          now: new Date(),
          subscribedAt: performance.now(),
        });
        roles.set(input.sessionId, actor.role);
        return outcome;
      }
      case "room:leave": {
        const { sessionId } = parse(roomLeavePayloadSchema, payload);
        const role = roles.get(sessionId);
        if (role && roles.delete(sessionId)) await leaveRoom(engine, { sessionId, actor: { userId: user.id, role }, now: new Date() });
        return {};
      }
      case "room:command": {
        const input = parse(roomCommandPayloadSchema, payload);
        const outcome = await executeCommand(engine, {
          sessionId: input.sessionId,
          actor: actorIn(input.sessionId),
          idempotencyKey: input.idempotencyKey,
          command: input.command,
          now: new Date(),
        });
        return { seq: outcome.seq };
      }
      default:
        throw new Error(`no handler for ${event}`);
    }
  };
  return {
    emit: (event, payload) =>
      handle(event, payload).then(
        (result) => ({ ok: true, ...result }),
        (error: unknown) => toFailure(error),
      ),
    close: async () => {},
  };
}

await describeAuthorizationTable<InProcessMember>({
  async start(databaseUrl) {
    // The app's own Prisma client (server/platform/db/client.ts) connects to DATABASE_URL.
    process.env.DATABASE_URL = databaseUrl;
  },
  stop: () => closeProcessRuntime(),
  signIn: async (account) => member({ id: account.id, name: account.name, email: account.email, isGuest: false }),
  anonymous: () => member(null),
  async guest(name, token) {
    const user = await createGuest(processRuntime().db, processRuntime().engine, name, token, new Date());
    if (!user) throw new Error("guest sign-in refused");
    return member(user);
  },
  connect: async (caller) => (caller.user ? connection(caller.user) : "UNAUTHORIZED"),
  appCodeOf: (error) => {
    if (error instanceof TRPCError) return clientErrorOf(error).code;
    throw error;
  },
});
