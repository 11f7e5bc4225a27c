import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, type Env } from "@/server/platform/env";

// The key that signs and encrypts session cookies: AUTH_SECRET when given; otherwise one generated at
// the server's first start and kept in the data folder, so sessions survive restarts.

type SecretConfig = Pick<Env, "AUTH_SECRET" | "DATA_DIR">;

function secretFile(config: SecretConfig): string {
  return path.resolve(config.DATA_DIR, "auth-secret");
}

/** At start, before anything serves: makes sure the data folder holds a secret when AUTH_SECRET is not set. */
export function ensureAuthSecret(config: SecretConfig): void {
  const file = secretFile(config);
  if (config.AUTH_SECRET || existsSync(file)) return;
  mkdirSync(config.DATA_DIR, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process on the same folder wrote it first: keep theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

let cached: { file: string; secret: string } | undefined;

/** The secret, for next-auth and for the socket handshake; read once per process. */
export function authSecret(config: SecretConfig = env()): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const file = secretFile(config);
  if (cached?.file !== file) {
    if (!existsSync(file)) throw new Error(`No AUTH_SECRET and no ${file}: the server creates it at start (ensureAuthSecret).`);
    cached = { file, secret: readFileSync(file, "utf8").trim() };
  }
  return cached.secret;
}
