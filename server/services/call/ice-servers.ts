// The ICE servers a member's browser may use for a call: STUN as configured, and TURN with a credential
// of their own that runs out (the TURN REST API scheme; coturn's use-auth-secret / static-auth-secret).
import { createHmac } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import type { SessionUser } from "@/server/auth/session";
import { requireMember } from "@/server/services/interviews/membership";

/** The ICE servers of the calls, built from the environment at start and carried by the runtime. */
export interface IceConfig {
  readonly stunUrls: readonly string[];
  /** The relays, and the secret shared with them; null when none is configured (host and STUN candidates only). */
  readonly turn: { readonly urls: readonly string[]; readonly secret: string } | null;
  /** How long an issued credential is good for. */
  readonly credentialLifetimeSeconds: number;
}

/** One entry of RTCConfiguration.iceServers, as the browser takes it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface MemberIceServers {
  iceServers: IceServer[];
  /** When the TURN credential runs out: the browser asks for fresh servers before then and restarts ICE. */
  expiresAt: Date;
}

export interface TurnCredential {
  username: string;
  credential: string;
}

/**
 * The TURN server checks it with nothing but the shared secret: the username is "<expiry in unix
 * seconds>:<user id>", the password base64(HMAC-SHA1(secret, username)). It refuses it after the expiry.
 */
export function turnCredential(secret: string, userId: string, expiresAt: Date): TurnCredential {
  const username = `${Math.floor(expiresAt.getTime() / 1000)}:${userId}`;
  return { username, credential: createHmac("sha1", secret).update(username).digest("base64") };
}

/** The servers for `userId` at `now`: the STUN entry as configured, the TURN entry with their own credential. */
export function iceServersOf(config: IceConfig, userId: string, now: Date): MemberIceServers {
  // Whole seconds, so that expiresAt is exactly the expiry the username carries.
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + config.credentialLifetimeSeconds) * 1000);
  const iceServers: IceServer[] = [];
  if (config.stunUrls.length > 0) iceServers.push({ urls: [...config.stunUrls] });
  if (config.turn) iceServers.push({ urls: [...config.turn.urls], ...turnCredential(config.turn.secret, userId, expiresAt) });
  return { iceServers, expiresAt };
}

/** A current member's servers for a session's call; anyone else is told the session was not found. */
export async function memberIceServers(db: Db, config: IceConfig, user: SessionUser, sessionId: string, now: Date): Promise<MemberIceServers> {
  await requireMember(db, sessionId, user.id);
  return iceServersOf(config, user.id, now);
}
