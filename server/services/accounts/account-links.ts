import { randomUUID } from "node:crypto";
import type { SignedLinks } from "@/server/auth/signed-links";
import { type AccountLinkPurpose, linkExpiry } from "@/server/domain/accounts/account-links";
import type { Prisma } from "@/server/platform/db/generated/client";

type Tx = Pick<Prisma.TransactionClient, "accountToken" | "$queryRaw">;

/** A new single-use link's row; the link itself is signed from its id when the email is rendered. */
export async function issueAccountToken(tx: Tx, userId: string, purpose: AccountLinkPurpose, email: string, now: Date): Promise<string> {
  const id = randomUUID();
  await tx.accountToken.create({ data: { id, userId, purpose, email, expiresAt: linkExpiry(purpose, now), createdAt: now } });
  return id;
}

export interface ClaimedToken {
  id: string;
  userId: string;
  email: string;
}

/**
 * Uses a link: checks its signature, then marks its row used in one UPDATE that only matches an unused,
 * unexpired row, so two uses at once cannot both pass (the second finds usedAt set). A verify or reset
 * link also needs the account to still have the address it was sent to: after a change of address, the
 * old mailbox holds no key to the account. Null for any link that does not work, whatever the reason.
 * Run it in the transaction of the change the link makes, so a refused change leaves the link unused.
 */
export async function claimAccountToken(tx: Tx, links: SignedLinks, purpose: AccountLinkPurpose, token: string, now: Date): Promise<ClaimedToken | null> {
  const id = links.verify(purpose, token);
  if (!id) return null;
  const rows = await tx.$queryRaw<ClaimedToken[]>`
    UPDATE "AccountToken" AS t SET "usedAt" = ${now}
    FROM "User" AS u
    WHERE t."id" = ${id} AND t."purpose" = ${purpose} AND t."usedAt" IS NULL AND t."expiresAt" > ${now}
      AND u."id" = t."userId" AND (t."purpose" = 'change-email' OR u."email" = t."email")
    RETURNING t."id", t."userId", t."email"`;
  return rows[0] ?? null;
}

/** Retires the account's unused links (all, or those of `purpose`): after a reset, an older reset link must not work. */
export async function retireAccountTokens(tx: Tx, userId: string, now: Date, purpose?: AccountLinkPurpose): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, usedAt: null, ...(purpose ? { purpose } : {}) }, data: { usedAt: now } });
}
