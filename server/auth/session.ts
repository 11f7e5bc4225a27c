import type { IncomingHttpHeaders } from "node:http";
import { parse as parseCookies } from "cookie";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { authOptions } from "@/server/auth/options";
import { authSecret } from "@/server/auth/auth-secret";
import { liveSessionDecoder } from "@/server/auth/live-session";
import { processRuntime } from "@/server/platform/process-runtime";

export interface SessionUser {
  id: string;
  name: string | null;
  email: string | null;
  isGuest: boolean;
}

/** The signed-in user in a Server Component, route handler or server action; null when signed out. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user ?? null;
}

/**
 * The signed-in user of a request that did not come through a page: the Socket.IO handshake and tRPC over
 * HTTP. Its session token is the next-auth cookie, or `Authorization: Bearer <token>` for clients without
 * cookies; one rule for both. A token that is forged, expired or garbage is nobody (null), never an error.
 * A bearer header opens no cross-site door: a browser sends it cross-origin only after a CORS preflight,
 * which this app never grants.
 */
export async function userFromHeaders(headers: IncomingHttpHeaders | Headers): Promise<SessionUser | null> {
  const header = (name: string) => (headers instanceof Headers ? (headers.get(name) ?? undefined) : (headers[name] as string | undefined));
  // getToken reads pre-parsed cookies (as Next.js pages provide); a raw request only has the header.
  const cookies = parseCookies(header("cookie") ?? "");
  const token = await getToken({
    req: { headers: { authorization: header("authorization") }, cookies } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authSecret(),
    // The same decoder as next-auth's, so a session ended by a password reset is refused here too. Not
    // through authOptions(): the custom server loads this module outside the bundle, where next-auth's
    // providers do not import as functions.
    decode: liveSessionDecoder(processRuntime().db),
  });
  if (!token?.sub) return null;
  return { id: token.sub, name: token.name ?? null, email: token.email ?? null, isGuest: Boolean(token.isGuest) };
}
