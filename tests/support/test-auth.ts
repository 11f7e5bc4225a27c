import { encode } from "next-auth/jwt";

export const TEST_AUTH_SECRET = "test-secret-that-is-long-enough-for-next-auth-0123456789";

/** A next-auth session cookie exactly as the app sets it after sign-in. */
export async function sessionCookie(user: { id: string; name: string; isGuest?: boolean }, secret = TEST_AUTH_SECRET): Promise<string> {
  const token = await encode({ token: { sub: user.id, name: user.name, isGuest: user.isGuest ?? false }, secret });
  return `next-auth.session-token=${token}`;
}
