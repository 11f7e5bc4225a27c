import type { JWT, JWTDecodeParams } from "next-auth/jwt";
import { decodeSessionToken } from "@/server/auth/session-token";
import { sessionStands, signedInAtOf } from "@/server/domain/accounts/account-links";
import type { Db } from "@/server/platform/db/client";

/**
 * The one decoder of session tokens, for every entry: next-auth (pages through getServerSession, its
 * /api/auth/session endpoint) and userFromHeaders (tRPC over HTTP, the Socket.IO handshake). A token that
 * decrypts is still refused when it was signed in before the account's `sessionsValidFrom` (a password
 * reset or an address change ends every session). One primary-key read per decode; the name and address
 * are taken from the same row, so a renamed or re-addressed account shows its new ones at once.
 */
export function liveSessionDecoder(db: Pick<Db, "user">): (params: JWTDecodeParams) => Promise<JWT | null> {
  return async (params) => {
    const token = await decodeSessionToken(params);
    if (!token?.sub) return token;
    const user = await db.user.findUnique({ where: { id: token.sub }, select: { sessionsValidFrom: true, name: true, email: true } });
    // A token of a deleted user is left to what reads it (a deleted interview's guest, say): as before.
    if (!user) return token;
    if (!sessionStands(signedInAtOf(token), user.sessionsValidFrom)) return null;
    return { ...token, name: user.name, email: user.email };
  };
}
