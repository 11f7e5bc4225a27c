import type { AccountLinkPurpose } from "@/server/domain/email/render";

export type { AccountLinkPurpose };

// The rules of the single-use links an account is emailed: how long each works, and when a session
// signed in before a password or address change stops being accepted. Pure: the services apply them.

const HOUR_MS = 3_600_000;

/** A reset link is a key to the account: short-lived. The others only confirm an address the user typed. */
export const LINK_LIFETIME_MS: Record<AccountLinkPurpose, number> = {
  "verify-email": 24 * HOUR_MS,
  "reset-password": HOUR_MS,
  "change-email": 24 * HOUR_MS,
};

export function linkExpiry(purpose: AccountLinkPurpose, now: Date): Date {
  return new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
}

/** One sentence for every link that does not work: which of tampered, used or expired is nobody's business. */
export const LINK_NOT_VALID = "This link does not work: it has expired, was already used, or was copied incompletely. Ask for a new one.";

/** What a reset request answers, whether or not the address has an account. */
export const RESET_REQUESTED = "If an account uses that address, we have sent it a link to choose a new password. The link works for one hour.";

/** What an email change request answers, whether or not the new address is taken. */
export const CHANGE_REQUESTED = "We have sent a link to the new address. Your address changes when you open it.";

/**
 * When a session was signed in, in milliseconds: the `signedInAt` claim set at sign-in (kept through
 * next-auth's refreshes), else the token's `iat` (seconds) for tokens issued before that claim existed.
 */
export function signedInAtOf(token: { signedInAt?: unknown; iat?: unknown }): number | null {
  if (typeof token.signedInAt === "number" && Number.isFinite(token.signedInAt)) return token.signedInAt;
  if (typeof token.iat === "number" && Number.isFinite(token.iat)) return token.iat * 1000;
  return null;
}

/**
 * Whether a session still stands: it began at or after the account's `sessionsValidFrom` (set by a
 * password reset or an address change). A token that cannot say when it began stands only when no
 * cut-off was ever set.
 */
export function sessionStands(signedInAt: number | null, sessionsValidFrom: Date | null): boolean {
  if (!sessionsValidFrom) return true;
  return signedInAt !== null && signedInAt >= sessionsValidFrom.getTime();
}
