// A peer session after the fact: its halves, and the feedback each person gives and receives.
import { z } from "zod";
import type { Db } from "@/server/platform/db/client";
import { Prisma } from "@/server/platform/db/generated/client";
import { feedbackReleased, rateCriteria, storedCriteriaSchema, type PeerFeedbackInput, type RatedCriterion } from "@/server/domain/practice/feedback";
import { sideOf } from "@/server/domain/practice/peer-session";
import { AppError } from "@/server/platform/errors";
import { PEER_SESSION_NOT_FOUND } from "@/server/services/practice/swap";

export interface PeerFeedback {
  criteria: RatedCriterion[];
  communication: number;
  problemSolving: number;
  strengths: string;
  improve: string;
  submittedAt: Date;
}

const rubricTitlesSchema = z.object({ rubric: z.array(z.object({ title: z.string() })) });

const halfSelect = { select: { id: true, status: true, endedAt: true, questions: { select: { snapshot: true }, orderBy: { position: "asc" } } } } as const;

async function memberSession(db: Pick<Db, "peerSession">, userId: string, peerSessionId: string) {
  const session = await db.peerSession.findUnique({
    where: { id: peerSessionId },
    select: {
      id: true,
      topic: true,
      status: true,
      firstId: true,
      secondId: true,
      first: { select: { name: true } },
      second: { select: { name: true } },
      firstHalf: halfSelect,
      secondHalf: halfSelect,
      feedback: true,
    },
  });
  const side = session && sideOf(session, userId);
  if (!session || !side || session.status !== "ACCEPTED") throw new AppError("NOT_FOUND", PEER_SESSION_NOT_FOUND);
  const mine = side === "first" ? session.firstHalf : session.secondHalf;
  const theirs = side === "first" ? session.secondHalf : session.firstHalf;
  return { session, side, askedHalf: mine, answeredHalf: theirs, partnerId: side === "first" ? session.secondId : session.firstId };
}

type MemberSession = Awaited<ReturnType<typeof memberSession>>;

/** The rubric's criteria of the question the user asked (their own half's). */
function criteriaAsked(half: MemberSession["askedHalf"]): string[] {
  return (half?.questions ?? []).flatMap((question) => rubricTitlesSchema.parse(question.snapshot).rubric.map((criterion) => criterion.title));
}

function feedbackOf(row: MemberSession["session"]["feedback"][number]): PeerFeedback {
  const { criteria, communication, problemSolving, strengths, improve, submittedAt } = row;
  return { criteria: storedCriteriaSchema.parse(criteria), communication, problemSolving, strengths, improve, submittedAt };
}

interface FeedbackFacts {
  feedback: Array<{ fromId: string; submittedAt: Date }>;
  secondHalf: { status: string; endedAt: Date | null } | null;
}

/** The feedback the user gave, the one the partner wrote, and whether the user may read the latter yet. */
function feedbackBetween<S extends FeedbackFacts>(session: S, userId: string, partnerId: string, now: Date) {
  const given = session.feedback.find((row) => row.fromId === userId);
  const written = session.feedback.find((row) => row.fromId === partnerId);
  const endedAt = session.secondHalf?.status === "ENDED" ? session.secondHalf.endedAt : null;
  const released =
    written !== undefined && feedbackReleased({ otherHasWritten: given !== undefined, sessionEndedAt: endedAt, writtenAt: written.submittedAt }, now);
  return { given: given as S["feedback"][number] | undefined, written: written as S["feedback"][number] | undefined, released, endedAt };
}

/** How many of a person's peer sessions their practice page and /progress list, newest first. */
export const PEER_SESSIONS_LISTED = 50;

/**
 * The user's peer sessions, newest first: with whom, on what, whether each has written their feedback,
 * and the ratings of the feedback received once it is released (nothing of it before).
 */
export async function peerSessionsOf(db: Db, userId: string, now: Date) {
  const sessions = await db.peerSession.findMany({
    // A booked session is listed from its start (before, it is among the bookings).
    where: { status: "ACCEPTED", AND: [{ OR: [{ firstId: userId }, { secondId: userId }] }, { OR: [{ startsAt: null }, { startsAt: { lte: now } }] }] },
    orderBy: { createdAt: "desc" },
    take: PEER_SESSIONS_LISTED,
    select: {
      id: true,
      topic: true,
      startsAt: true,
      createdAt: true,
      firstId: true,
      secondId: true,
      first: { select: { name: true } },
      second: { select: { name: true } },
      secondHalf: { select: { status: true, endedAt: true } },
      feedback: true,
    },
  });
  return sessions.map((session) => {
    const partnerId = session.firstId === userId ? session.secondId : session.firstId;
    const { given, written, released, endedAt } = feedbackBetween(session, userId, partnerId, now);
    const received = released && written ? feedbackOf(written) : null;
    return {
      id: session.id,
      topic: session.topic,
      date: session.startsAt ?? session.createdAt,
      partnerName: (session.firstId === userId ? session.second : session.first).name ?? "Your partner",
      ended: endedAt !== null,
      feedbackGiven: given !== undefined,
      receivedPending: written !== undefined && !released,
      received: received && { communication: received.communication, problemSolving: received.problemSolving, criteria: received.criteria },
    };
  });
}

/**
 * The session as one of its two people sees it afterwards. The feedback the other wrote is built only once
 * it is released (`feedbackReleased`); before that the answer says only that it is on its way.
 */
export async function peerSessionSummary(db: Db, userId: string, peerSessionId: string, now: Date) {
  const { session, side, askedHalf, answeredHalf, partnerId } = await memberSession(db, userId, peerSessionId);
  const { given, written, released, endedAt } = feedbackBetween(session, userId, partnerId, now);
  return {
    id: session.id,
    topic: session.topic,
    partnerName: (side === "first" ? session.second : session.first).name ?? "Your partner",
    askedRoomId: askedHalf?.id ?? null,
    answeredRoomId: answeredHalf?.id ?? null,
    ended: endedAt !== null,
    /** Feedback is given once the half one asked has ended. */
    canGiveFeedback: askedHalf?.status === "ENDED" && given === undefined,
    criteria: criteriaAsked(askedHalf),
    given: given ? feedbackOf(given) : null,
    received: released && written ? feedbackOf(written) : null,
    receivedPending: written !== undefined && !released,
  };
}

/** Records the user's feedback on the other's answers in the half the user asked; once, after that half. */
export async function submitPeerFeedback(db: Db, userId: string, peerSessionId: string, input: PeerFeedbackInput, now: Date): Promise<void> {
  const { askedHalf, partnerId } = await memberSession(db, userId, peerSessionId);
  if (askedHalf?.status !== "ENDED") throw new AppError("CONFLICT", "Give your feedback once the half you asked in has ended.");
  const criteria = rateCriteria(criteriaAsked(askedHalf), input.ratings);
  if ("error" in criteria) throw new AppError("BAD_REQUEST", criteria.error, { ratings: [criteria.error] });
  const { communication, problemSolving, strengths, improve } = input;
  try {
    await db.peerFeedback.create({
      data: { peerSessionId, fromId: userId, toId: partnerId, criteria, communication, problemSolving, strengths, improve, submittedAt: now },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("CONFLICT", "You have already given your feedback.");
    throw error;
  }
}
