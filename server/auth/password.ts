import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP-recommended memory-hard parameters).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `passwordHash`. Without a hash (no account has this address, or the account
 * has no password: made through GitHub or Google) the answer is false after the same work, against a
 * hash of a random password made with the same parameters, so that how long a failed sign-in takes does
 * not tell whether the address has an account.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
    await matches(await dummyHash, password);
    return false;
  }
  return matches(passwordHash, password);
}

async function matches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
