import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session";
import { acceptInvite, createInterview, createInvite } from "@/server/services/interviews";
import { HttpSession } from "./http-session";
import { seedMarkedQuestions } from "./room-fixtures";

export const TEST_PASSWORD = "correct horse battery staple";

export interface Account extends SessionUser {
  email: string;
  password: string;
}

let passwordHash: Promise<string> | undefined;

/** An account row with a known password (hashed once per run: argon2 is slow on purpose). */
export async function createAccount(db: Db, name: string): Promise<Account> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await db.user.create({ data: { name, email, passwordHash: await passwordHash } });
  return { id: user.id, name, email, isGuest: false, password: TEST_PASSWORD };
}

/** Signed in through next-auth's credentials endpoint, as the sign-in page does. */
export async function signedIn(baseUrl: string, account: Account): Promise<HttpSession> {
  const session = new HttpSession(baseUrl);
  const error = await session.signIn(account.email, account.password);
  if (error) throw new Error(`sign-in of ${account.email} failed: ${error}`);
  return session;
}

export function tokenOf(url: string): string {
  return url.split("/join/")[1] ?? "";
}

/**
 * An interview of `owner` over two shared, marked questions, with an observer admitted and links for a
 * candidate; the candidate is admitted by the caller (a guest through next-auth, or an account).
 */
export async function interviewOf(db: Db, owner: SessionUser, observer: SessionUser, tag: string) {
  const { questionIds, marker } = await seedMarkedQuestions(db, tag);
  const { id: sessionId } = await createInterview(db, owner, { title: `Interview ${tag}`, items: questionIds.map((bankQuestionId) => ({ bankQuestionId, timeBoxSec: 600 })) });
  const now = new Date();
  const observerLink = await createInvite(db, owner, { sessionId, role: "OBSERVER" }, now);
  await acceptInvite(db, observer, tokenOf(observerLink.url), now);
  const candidateLink = await createInvite(db, owner, { sessionId, role: "CANDIDATE" }, now);
  return { sessionId, questionIds, marker, observerInviteId: observerLink.id, candidateToken: tokenOf(candidateLink.url), candidateInviteId: candidateLink.id };
}

/** A digest of every row an attack could write, for "a refused call wrote nothing". */
export async function databaseDigest(db: Db): Promise<string> {
  const tables = ["User", "BankDocument", "BankQuestion", "BankFollowUp", "RubricCriterion", "KeyPoint", "RedFlag", "InterviewSession", "SessionQuestion", "Participant", "Invite", "SessionEvent", "Note", "Score", "InterviewTemplate", "TemplateItem"];
  const parts = await Promise.all(
    tables.map(async (table) => {
      const rows = await db.$queryRawUnsafe<Array<{ digest: string | null }>>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`);
      return `${table}:${rows[0]?.digest ?? ""}`;
    }),
  );
  return parts.join(",");
}
