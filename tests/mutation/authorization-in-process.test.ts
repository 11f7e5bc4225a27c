import { processRuntime, closeProcessRuntime } from "@/server/platform/process-runtime";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/server/api/root";
import { clientErrorOf, createCallerFactory, createContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import { createGateway, type Gateway } from "@/server/realtime/gateway";
import { createGuest } from "@/server/services/accounts/guest";
import type { HttpSession } from "../support/http-session";
import { describeAuthorizationTable, type Connection } from "../security/authorization-suite";

// The authorisation table driven in process, for mutation testing only (npm run test:mutation): StrykerJS
// sees which code each cell runs only when it runs in the test's own process. The procedures run with
// their input schemas through tRPC's caller; the socket events through the gateway that Socket.IO binds
// (server/realtime/gateway.ts), with in-memory channels in place of the socket. npm test drives the same
// table over HTTP and Socket.IO (tests/security/authorization.test.ts).

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

/** The gateway as server/realtime/server.ts builds it, from this process's runtime. */
function inProcessGateway(): Gateway {
  const { engine, pool, metrics } = processRuntime();
  return createGateway({
    engine,
    pool,
    metrics,
    otherNodes: false,
    isShuttingDown: () => false,
    reportError: (what, error) => console.error(`${what} failed:`, error),
    now: Date.now,
    // No other connection receives anything in process; the relay's own checks come before it.
    relay: () => undefined,
  });
}

/**
 * One connection to the gateway, with its subscriptions in a set. No publisher is attached in this
 * process, so nothing unsubscribes a removed member but the gateway itself; no other connection of the
 * same user is ever subscribed.
 */
function connection(gateway: Gateway, user: SessionUser): Connection {
  const subscribed = new Set<string>();
  const member = gateway.connect(user, {
    subscribe: async (sessionId) => void subscribed.add(sessionId),
    unsubscribe: async (sessionId) => void subscribed.delete(sessionId),
    isSubscribed: (sessionId) => subscribed.has(sessionId),
    othersSubscribed: async () => false,
  });
  return {
    emit: (event, payload) => gateway.handle(member, event, payload),
    close: () => gateway.disconnect(member),
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
  connect: async (caller) => (caller.user ? connection(inProcessGateway(), caller.user) : "UNAUTHORIZED"),
  appCodeOf: (error) => {
    if (error instanceof TRPCError) return clientErrorOf(error).code;
    throw error;
  },
});
