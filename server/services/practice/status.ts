// Where a person stands in peer practice: idle, waiting, offered a match, or in a session (which half).
import type { Db } from "@/server/platform/db/client";
import type { PracticeLevel } from "@/server/domain/practice/levels";
import { askerOf, halfTimeUp, NO_SHOW_AFTER_MS, type PeerSessionFacts } from "@/server/domain/practice/peer-session";
import { ROOM_OPENS_BEFORE_MS } from "@/server/domain/practice/slots";

/** A session not finished this long after it was accepted is abandoned: it no longer holds its people. */
const ABANDONED_AFTER_MS = 6 * 60 * 60_000;
const PARTNER = "Your partner";

const peerSessionSelect = {
  id: true,
  topic: true,
  status: true,
  firstId: true,
  secondId: true,
  halfMinutes: true,
  swapAskedBy: true,
  startsAt: true,
  createdAt: true,
  first: { select: { name: true } },
  second: { select: { name: true } },
  firstHalf: { select: { id: true, status: true, createdAt: true, endedAt: true } },
  secondHalf: { select: { id: true, status: true, endedAt: true } },
} as const;

/**
 * The person's accepted session whose second half has not ended, if any: one matched now, or a booked
 * one from shortly before its start (its room opens then).
 */
export async function activePeerSessionOf(db: Pick<Db, "peerSession">, userId: string, now: Date) {
  const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
  return db.peerSession.findFirst({
    where: {
      status: "ACCEPTED",
      AND: [
        { OR: [{ firstId: userId }, { secondId: userId }] },
        {
          OR: [
            { startsAt: null, createdAt: { gt: abandonedBefore } },
            { startsAt: { gt: abandonedBefore, lte: new Date(now.getTime() + ROOM_OPENS_BEFORE_MS) } },
          ],
        },
      ],
      secondHalf: { status: { not: "ENDED" } },
    },
    orderBy: { createdAt: "desc" },
    select: peerSessionSelect,
  });
}

type ActiveSession = NonNullable<Awaited<ReturnType<typeof activePeerSessionOf>>>;

/** The running half: the first (from the booked start, else the acceptance) until its interview ends (the swap), then the second. */
export function currentHalf(session: ActiveSession): { half: 1 | 2; roomId: string; startedAt: Date } | null {
  const { firstHalf, secondHalf } = session;
  if (!firstHalf || !secondHalf) return null;
  if (firstHalf.status !== "ENDED") return { half: 1, roomId: firstHalf.id, startedAt: session.startsAt ?? firstHalf.createdAt };
  return { half: 2, roomId: secondHalf.id, startedAt: firstHalf.endedAt ?? firstHalf.createdAt };
}

export function swapFacts(session: ActiveSession): PeerSessionFacts {
  const half = currentHalf(session);
  return { ...session, half: half?.half ?? 0, halfStartedAt: half?.startedAt ?? null };
}

export type PracticeStatus =
  | { state: "idle" }
  | { state: "waiting"; topic: string; joinedAt: Date }
  | {
      state: "proposed";
      proposalId: string;
      topic: string;
      partner: { name: string; level: PracticeLevel | null };
      answerBy: Date;
      accepted: boolean;
      partnerAccepted: boolean;
    }
  | {
      state: "active";
      peerSessionId: string;
      topic: string;
      half: 1 | 2;
      roomId: string;
      asking: boolean;
      partnerName: string;
      halfStartedAt: Date;
      halfMinutes: number;
      halfTimeUp: boolean;
      swapAsked: boolean;
      partnerAskedSwap: boolean;
      /** Whether the partner has come into the session's room; if not by `noShowAfter`, the user may leave (leaveNoShow). */
      partnerCame: boolean;
      noShowAfter: Date;
    };

function activeStatus(session: ActiveSession, userId: string, now: Date, partnerCame: boolean): PracticeStatus | null {
  const half = currentHalf(session);
  if (!half) return null;
  const partnerId = userId === session.firstId ? session.secondId : session.firstId;
  const partner = userId === session.firstId ? session.second : session.first;
  return {
    state: "active",
    peerSessionId: session.id,
    topic: session.topic,
    half: half.half,
    roomId: half.roomId,
    asking: askerOf(session, half.half) === userId,
    partnerName: partner.name ?? PARTNER,
    halfStartedAt: half.startedAt,
    halfMinutes: session.halfMinutes,
    halfTimeUp: halfTimeUp({ halfStartedAt: half.startedAt, halfMinutes: session.halfMinutes }, now),
    swapAsked: session.swapAskedBy.includes(userId),
    partnerAskedSwap: session.swapAskedBy.includes(partnerId),
    partnerCame,
    noShowAfter: new Date(half.startedAt.getTime() + NO_SHOW_AFTER_MS),
  };
}

/** Whether the user's partner has entered either room of the session. */
export async function partnerCame(db: Pick<Db, "sessionEvent">, session: ActiveSession, userId: string): Promise<boolean> {
  const partnerId = userId === session.firstId ? session.secondId : session.firstId;
  const rooms = [session.firstHalf?.id, session.secondHalf?.id].filter((id): id is string => id !== undefined);
  return (await db.sessionEvent.count({ where: { sessionId: { in: rooms }, actorId: partnerId, type: "participantJoined" } })) > 0;
}

export async function practiceStatus(db: Db, userId: string, now: Date): Promise<PracticeStatus> {
  const active = await activePeerSessionOf(db, userId, now);
  const running = active && activeStatus(active, userId, now, await partnerCame(db, active, userId));
  if (running) return running;
  const ticket = await db.practiceTicket.findUnique({
    where: { userId },
    select: { topic: true, joinedAt: true, proposal: { select: { ...peerSessionSelect, answerBy: true, firstAcceptedAt: true, secondAcceptedAt: true } } },
  });
  if (!ticket) return { state: "idle" };
  const proposal = ticket.proposal;
  if (!proposal || proposal.status !== "PROPOSED") return { state: "waiting", topic: ticket.topic, joinedAt: ticket.joinedAt };
  const iAmFirst = proposal.firstId === userId;
  const partnerId = iAmFirst ? proposal.secondId : proposal.firstId;
  const partnerTicket = await db.practiceTicket.findUnique({ where: { userId: partnerId }, select: { level: true } });
  return {
    state: "proposed",
    proposalId: proposal.id,
    topic: proposal.topic,
    partner: { name: (iAmFirst ? proposal.second : proposal.first).name ?? PARTNER, level: partnerTicket?.level ?? null },
    answerBy: proposal.answerBy,
    accepted: (iAmFirst ? proposal.firstAcceptedAt : proposal.secondAcceptedAt) !== null,
    partnerAccepted: (iAmFirst ? proposal.secondAcceptedAt : proposal.firstAcceptedAt) !== null,
  };
}
