// Answering a proposed match: accepting it (both accepting starts the session) or declining it.
import { randomInt } from "node:crypto";
import type { Db } from "@/server/platform/db/client";
import type { Prisma } from "@/server/platform/db/generated/client";
import { chooseQuestion, type QuestionOption } from "@/server/domain/practice/choose-question";
import { SHARED_BANK_SCOPE } from "@/server/domain/bank/policy";
import { AppError } from "@/server/platform/errors";
import { loadBankQuestionsForSnapshot } from "@/server/services/bank/snapshot";
import { sessionQuestionRow } from "@/server/services/interviews/plan";
import { topicQuestions } from "@/server/services/practice/topics";

type Tx = Prisma.TransactionClient;

export const MATCH_NOT_FOUND = "That match was not found.";
export const MATCH_WITHDRAWN = "This match was withdrawn; look for another partner.";

interface LockedProposal {
  id: string;
  topic: string;
  status: string;
  firstId: string;
  secondId: string;
  firstAcceptedAt: Date | null;
  secondAcceptedAt: Date | null;
  answerBy: Date;
  halfMinutes: number;
}

/** The match, locked for this transaction; someone not in it is told it does not exist. */
async function lockProposal(tx: Tx, proposalId: string, userId: string): Promise<LockedProposal> {
  const [proposal] = await tx.$queryRaw<LockedProposal[]>`
    SELECT "id", "topic", "status"::text, "firstId", "secondId", "firstAcceptedAt", "secondAcceptedAt", "answerBy", "halfMinutes"
    FROM "PeerSession" WHERE "id" = ${proposalId} FOR UPDATE`;
  if (!proposal || (proposal.firstId !== userId && proposal.secondId !== userId)) throw new AppError("NOT_FOUND", MATCH_NOT_FOUND);
  return proposal;
}

/** One half's question: one its answerer was never asked if the topic has any left, else any other. */
async function questionFor(tx: Tx, topic: string, askerId: string, answererId: string, exclude: ReadonlySet<string>): Promise<string> {
  const options = await topicQuestions(tx, topic, askerId, answererId);
  const pick = (count: number) => randomInt(count);
  const anyLeft = options.map((option): QuestionOption => ({ ...option, askedToAnswerer: false }));
  const chosen = chooseQuestion(options, exclude, pick) ?? chooseQuestion(anyLeft, exclude, pick);
  if (!chosen) throw new AppError("CONFLICT", `The topic "${topic}" has no questions left; choose another.`);
  return chosen;
}

async function namesOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name ?? "A peer"]));
}

/**
 * Each half becomes an interview, the asker its interviewer and the other its candidate; the first half
 * planned at `startsAt`, the second right after it.
 */
export async function createHalves(
  tx: Tx,
  session: Pick<LockedProposal, "id" | "topic" | "firstId" | "secondId" | "halfMinutes">,
  startsAt: Date,
): Promise<{ firstHalfId: string; secondHalfId: string }> {
  const { firstId, secondId, topic } = session;
  const firstQuestion = await questionFor(tx, topic, firstId, secondId, new Set());
  const secondQuestion = await questionFor(tx, topic, secondId, firstId, new Set([firstQuestion]));
  const [firstSnapshot, secondSnapshot] = await loadBankQuestionsForSnapshot(tx, SHARED_BANK_SCOPE, [firstQuestion, secondQuestion]);
  if (!firstSnapshot || !secondSnapshot) throw new AppError("CONFLICT", MATCH_WITHDRAWN);
  const names = await namesOf(tx, [firstId, secondId]);
  const half = async (askerId: string, answererId: string, snapshot: typeof firstSnapshot, scheduledAt: Date) => {
    const interview = await tx.interviewSession.create({
      data: {
        title: `Practice: ${topic}, ${names.get(askerId)} asks`,
        createdById: askerId,
        peerSessionId: session.id,
        scheduledAt,
        durationMin: session.halfMinutes,
      },
      select: { id: true },
    });
    await tx.sessionQuestion.create({ data: { ...sessionQuestionRow(snapshot, 0, session.halfMinutes * 60), sessionId: interview.id } });
    await tx.participant.createMany({
      data: [
        { sessionId: interview.id, userId: askerId, role: "INTERVIEWER" },
        { sessionId: interview.id, userId: answererId, role: "CANDIDATE" },
      ],
    });
    return interview.id;
  };
  const firstHalfId = await half(firstId, secondId, firstSnapshot, startsAt);
  const secondHalfId = await half(secondId, firstId, secondSnapshot, new Date(startsAt.getTime() + session.halfMinutes * 60_000));
  return { firstHalfId, secondHalfId };
}

/** Both accepted: the halves are made and the session starts now. */
async function startPeerSession(tx: Tx, proposal: LockedProposal, now: Date): Promise<void> {
  const halves = await createHalves(tx, proposal, now);
  await tx.peerSession.update({ where: { id: proposal.id }, data: { status: "ACCEPTED", ...halves } });
  await tx.practiceTicket.deleteMany({ where: { proposalId: proposal.id } });
}

/** Accepts a match offered to the user; the second acceptance starts the session. */
export async function acceptMatch(db: Db, userId: string, proposalId: string, now: Date): Promise<{ started: boolean }> {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId, userId);
    if (proposal.status === "ACCEPTED") return { started: true };
    if (proposal.status !== "PROPOSED" || proposal.answerBy <= now) throw new AppError("CONFLICT", MATCH_WITHDRAWN);
    const first = userId === proposal.firstId;
    const accepted = {
      firstAcceptedAt: first ? (proposal.firstAcceptedAt ?? now) : proposal.firstAcceptedAt,
      secondAcceptedAt: first ? proposal.secondAcceptedAt : (proposal.secondAcceptedAt ?? now),
    };
    await tx.peerSession.update({ where: { id: proposalId }, data: accepted });
    if (!accepted.firstAcceptedAt || !accepted.secondAcceptedAt) return { started: false };
    await startPeerSession(tx, { ...proposal, ...accepted }, now);
    return { started: true };
  });
}

/**
 * Declines a match (also what leaving the queue does while one is offered): the partner goes back to
 * waiting in their old place, the one who declined leaves the queue. A match already withdrawn stays so.
 */
export async function declineMatch(db: Db, userId: string, proposalId: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId, userId);
    if (proposal.status === "ACCEPTED") throw new AppError("CONFLICT", "Your practice session has started; leave it from the room.");
    if (proposal.status === "PROPOSED") await tx.peerSession.update({ where: { id: proposalId }, data: { status: "WITHDRAWN" } });
    await tx.practiceTicket.deleteMany({ where: { userId, proposalId } });
    await tx.practiceTicket.updateMany({ where: { proposalId }, data: { proposalId: null, seenAt: now } });
  });
}
