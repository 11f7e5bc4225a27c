// What the integration and security tests build on: accounts with a known password (signed in through
// next-auth, never forged), interviews over questions whose hidden fields carry markers, and a digest of
// the database for "a refused call wrote nothing".

import { processRuntime } from "@/server/platform/process-runtime";
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import { hashPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session";
import { BANK_FORMAT_VERSION, type BankDocumentInput, type BankQuestion } from "@/server/bank/bank-format";
import { importBankDocument } from "@/server/services/bank/import";
import { acceptInvite, createInvite } from "@/server/services/invites/links";
import { createInterview } from "@/server/services/interviews/plan";
import { appCodeOf, HttpSession } from "./http-session";

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
export async function interviewOf(db: Db, owner: SessionUser, observer: SessionUser, tag: string, options: MarkedQuestionOptions = {}) {
  const { questionIds, marker } = await seedMarkedQuestions(db, tag, options);
  const { id: sessionId } = await createInterview(db, owner, {
    title: `Interview ${tag}`,
    items: questionIds.map((bankQuestionId) => ({ bankQuestionId, timeBoxSec: 600 })),
  });
  const now = new Date();
  const observerLink = await createInvite(db, processRuntime().appUrl, owner, { sessionId, role: "OBSERVER" }, now);
  await acceptInvite(db, processRuntime().engine, observer, tokenOf(observerLink.url), now);
  const candidateLink = await createInvite(db, processRuntime().appUrl, owner, { sessionId, role: "CANDIDATE" }, now);
  return { sessionId, questionIds, marker, observerInviteId: observerLink.id, candidateToken: tokenOf(candidateLink.url), candidateInviteId: candidateLink.id };
}

/**
 * The digest once the database is quiet: what earlier steps set going (a closed socket's presence, a
 * checkpoint) has landed when two readings 300 ms apart agree. A test's "before" starts from there.
 */
export async function settledDatabaseDigest(db: Db): Promise<string> {
  let last = await databaseDigest(db);
  for (let readings = 0; readings < 30; readings++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await databaseDigest(db);
    if (now === last) return now;
    last = now;
  }
  throw new Error("the database never settled");
}

/** A digest of every row an attack could write, for "a refused call wrote nothing"; one query. */
export async function databaseDigest(db: Db): Promise<string> {
  const tables = [
    "User",
    "BankDocument",
    "BankQuestion",
    "BankFollowUp",
    "RubricCriterion",
    "KeyPoint",
    "RedFlag",
    "InterviewSession",
    "SessionQuestion",
    "Participant",
    "Invite",
    "SessionEvent",
    "PadUpdate",
    "Note",
    "Score",
    "InterviewTemplate",
    "TemplateItem",
    "Invitation",
    "OutboxEmail",
    "AccountToken",
    "EmailOptOut",
    "PracticeProfile",
    "PracticeTicket",
    "PeerSession",
    "PeerBlock",
    "PeerFeedback",
    "PeerReport",
    "SlotBooking",
  ];
  // The outbox's delivery columns change as the app's worker sends: what counts is what was queued.
  const rowText: Record<string, string> = { OutboxEmail: `(t."id", t."kind", t."to", t."payload", t."sessionId", t."sendAfter", t."cancelledAt")::text` };
  const parts = tables.map((table) => {
    const text = rowText[table] ?? "t::text";
    return `(SELECT md5(coalesce(string_agg(${text}, '|' ORDER BY ${text}), '')) FROM "${table}" t)`;
  });
  const rows = await db.$queryRawUnsafe<Array<{ digest: string }>>(`SELECT concat_ws(',', ${parts.join(", ")}) AS digest`);
  return rows[0]?.digest ?? "";
}

/**
 * Two shared bank questions whose every interviewer-only field holds a unique marker string, so a leak
 * test can search everything a candidate received for any of them. Stored by the importer, as a document
 * in the interchange format.
 */
export interface MarkedQuestionOptions {
  /** Question 1 also scores each of its follow-ups as a criterion titled with its prompt, as several bundled questions do. */
  criterionPerFollowUp?: boolean;
  /** The section heading both questions are under (a peer practice topic). */
  section?: string;
}

export async function seedMarkedQuestions(db: Db, tag: string, options: MarkedQuestionOptions = {}) {
  const marker = (field: string) => `MARK-${tag}-${field}`;
  const followUpPrompt = (n: number, f: number) => `Follow-up ${n}.${f} ${tag}`;
  const perFollowUp = (n: number) =>
    options.criterionPerFollowUp && n === 1 ? [1, 2, 3].map((f) => ({ title: followUpPrompt(n, f), lookFor: [marker(`fu-criterion-look-${n}-${f}`)] })) : [];
  const question = (n: number): BankQuestion => ({
    key: `q${n}`,
    prompt: `Prompt ${n} ${tag}`,
    context: null,
    section: options.section ? [options.section] : [],
    answer: marker(`answer-${n}`),
    keyPoints: [marker(`keypoint-${n}`)],
    rubric: [{ title: marker(`rubric-${n}`), lookFor: [marker(`rubric-look-${n}`)] }, ...perFollowUp(n)],
    followUps: [1, 2, 3].map((f) => ({ prompt: followUpPrompt(n, f), answer: marker(`fu-answer-${n}-${f}`), lookFor: [marker(`fu-look-${n}-${f}`)] })),
    redFlags: [marker(`redflag-${n}`)],
    exampleScore: { score: 9, outOf: 10, reasons: [marker(`example-${n}`)] },
    code: null,
    meta: {
      title: null,
      difficulty: "Hard",
      role: null,
      level: null,
      companies: [],
      tags: [],
      interviewerNotes: [marker(`notes-${n}`)],
      answerFramework: marker(`framework-${n}`),
    },
    source: { line: n },
  });
  const document: BankDocumentInput = {
    formatVersion: BANK_FORMAT_VERSION,
    title: `Doc ${tag}`,
    sourceFile: `${tag}.md`,
    contentHash: createHash("sha256").update(tag).digest("hex"),
    repairs: { encoding: "utf-8", mojibakeFixed: 0, codeLinesRestored: 0 },
    questions: [question(1), question(2)],
  };
  const { documentId } = await importBankDocument(db, document, { byteSize: 1, ownerId: null });
  const stored = await db.bankQuestion.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: { id: true } });
  return { questionIds: stored.map((row) => row.id), marker };
}

/**
 * An interview planned by an interviewer account over two marked questions, an observer account admitted
 * by link, and a guest candidate who joined through the candidate link, all signed in through next-auth.
 */
export async function plannedInterview(db: Db, tag: string, baseUrl: string, options: MarkedQuestionOptions = {}) {
  const [iris, olga] = await Promise.all([createAccount(db, "Iris"), createAccount(db, "Olga")]);
  const world = await interviewOf(db, iris, olga, tag, options);
  const candidateSession = new HttpSession(baseUrl);
  const refused = await candidateSession.guestSignIn("Cody", world.candidateToken);
  if (refused) throw new Error(`guest sign-in failed: ${refused}`);
  const candidateId = (await candidateSession.session()).user?.id ?? "";
  return {
    sessionId: world.sessionId,
    marker: world.marker,
    interviewer: { id: iris.id, session: await signedIn(baseUrl, iris) },
    observer: { id: olga.id, session: await signedIn(baseUrl, olga) },
    candidate: { id: candidateId, session: candidateSession },
  };
}

/** Makes a call that must be refused; returns its error code, having checked that it changed nothing. */
export async function refusedWithNoChange(db: Db, call: () => Promise<unknown>): Promise<string> {
  const before = await databaseDigest(db);
  const code = await call().then(
    () => "allowed",
    (error: unknown) => appCodeOf(error),
  );
  if ((await databaseDigest(db)) !== before) throw new Error(`a refused call (${code}) changed the database`);
  return code;
}
