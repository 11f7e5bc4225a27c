import type { IncomingMessage } from "node:http";
import { parse as parseCookies } from "cookie";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { authOptions } from "@/server/auth/options";
import { authSecret } from "@/server/auth/auth-secret";
import { decodeSessionToken } from "@/server/auth/session-token";

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

/** The signed-in user of a raw Node request (the Socket.IO handshake), from the same session cookie. */
export async function userFromRequest(req: IncomingMessage): Promise<SessionUser | null> {
  // getToken reads pre-parsed cookies (as Next.js provides); a raw Node request only has the header.
  const cookies = parseCookies(req.headers.cookie ?? "");
  const token = await getToken({
    req: { headers: req.headers, cookies } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authSecret(),
    decode: decodeSessionToken,
  });
  if (!token?.sub) return null;
  return { id: token.sub, name: token.name ?? null, email: token.email ?? null, isGuest: Boolean(token.isGuest) };
}
