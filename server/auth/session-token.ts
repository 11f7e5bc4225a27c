import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

/** One derived key per secret (and salt); deriving it again for every request was most of a decode's cost. */
const derivedKeys = new Map<string, Uint8Array>();

function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const cacheKey = `${salt}\u0000${secret.toString()}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    // next-auth v4's derivation (jwt/index.js, getDerivedEncryptionKey), which its `encode` uses too.
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

/**
 * next-auth's `decode` (A256GCM with the "dir" key, 15 s of clock tolerance), with the key derived once
 * instead of on every call: every Socket.IO handshake and every page or tRPC request decodes the session
 * cookie, and after a restart every client's socket does so at once. Tokens are still made by next-auth's
 * own `encode`, so a derivation that drifted from it would fail every sign-in in the tests.
 */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
