import type { JWT, JWTDecodeParams } from "next-auth/jwt";
import { decodeSessionToken } from "@/server/auth/session-token";
import { sessionStands, signedInAtOf } from "@/server/domain/accounts/account-links";
import type { Db } from "@/server/platform/db/client";
import { tickBatcher } from "@/server/services/room/tick-batcher";

/**
 * The one decoder of session tokens, for every entry: next-auth (pages through getServerSession, its
 * /api/auth/session endpoint) and userFromHeaders (tRPC over HTTP, the Socket.IO handshake). A token that
 * decrypts is still refused when it was signed in before the account's `sessionsValidFrom` (a password
 * reset or an address change ends every session). One primary-key read per decode; the name and address
 * are taken from the same row, so a renamed or re-addressed account shows its new ones at once.
 */
interface SessionRow {
  sessionsValidFrom: Date | null;
  name: string | null;
  email: string | null;
}

const sessionRowLookups = new WeakMap<object, (userId: string) => Promise<SessionRow | null>>();

/**
 * The account row a session is checked against. Decodes in the same turn of the event loop share one
 * query: after a restart every socket's handshake decodes at once (4,000 at 2,000 rooms), and a query
 * each, with Prisma's own cost per query, kept the server busy well after it was ready.
 */
function sessionRowOf(db: Pick<Db, "user">, userId: string): Promise<SessionRow | null> {
  let lookup = sessionRowLookups.get(db);
  if (!lookup) {
    lookup = tickBatcher(async (userIds: string[]) => {
      const rows = await db.user.findMany({
        where: { id: { in: [...new Set(userIds)] } },
        select: { id: true, sessionsValidFrom: true, name: true, email: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return userIds.map((id) => byId.get(id) ?? null);
    });
    sessionRowLookups.set(db, lookup);
  }
  return lookup(userId);
}

export function liveSessionDecoder(db: Pick<Db, "user">): (params: JWTDecodeParams) => Promise<JWT | null> {
  return async (params) => {
    const token = await decodeSessionToken(params);
    if (!token?.sub) return token;
    const user = await sessionRowOf(db, token.sub);
    // A token of a deleted user is left to what reads it (a deleted interview's guest, say): as before.
    if (!user) return token;
    if (!sessionStands(signedInAtOf(token), user.sessionsValidFrom)) return null;
    return { ...token, name: user.name, email: user.email };
  };
}
