import { encode } from "next-auth/jwt";

/** The AUTH_SECRET of every app server the tests start. */
export const TEST_AUTH_SECRET = "test-secret-that-is-long-enough-for-next-auth-0123456789";

/**
 * An attacker's cookie: a session token for any identity, signed with a secret that is not the server's.
 * For proving that such a token is refused; every other test signs in through next-auth. With
 * TEST_AUTH_SECRET it is a real session: bench/practice.ts mints its 2,000 people's that way.
 */
export async function forgedSessionCookie(user: { id: string; name: string }, secret: string): Promise<string> {
  const token = await encode({ token: { sub: user.id, name: user.name, isGuest: false }, secret });
  return `next-auth.session-token=${token}`;
}
