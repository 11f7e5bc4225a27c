// Who is in an interview, and as what: the membership lookup of the pages and procedures.
import type { Db } from "@/server/platform/db/client";
import { canManageInterview, canOrganiseInterview, PEER_HALF_FIXED } from "@/server/domain/interview/policy";
import type { Role } from "@/server/domain/room";
import { AppError } from "@/server/platform/errors";
import { ROOM_NOT_FOUND } from "@/server/services/room/store";

const INTERVIEWER_ONLY = "Only the interviewer can change this interview.";

export interface Membership {
  role: Role;
  title: string;
  scheduledAt: Date | null;
  /** The peer practice session the interview is a half of; null for an ordinary interview. */
  peerSessionId: string | null;
  /** A booked peer session's start (null for one matched on the spot, and for an ordinary interview). */
  practiceStartsAt: Date | null;
}

/**
 * The user's role in the session and the session's title, or null when they are not in it: the one
 * membership lookup of the pages and procedures (the live room has its batched twin, `participantRole`).
 */
async function membership(db: Db, sessionId: string, userId: string): Promise<Membership | null> {
  const participant = await db.participant.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { role: true, session: { select: { title: true, scheduledAt: true, peerSessionId: true, peerSession: { select: { startsAt: true } } } } },
  });
  if (!participant) return null;
  const { peerSession, ...session } = participant.session;
  return { role: participant.role, ...session, practiceStartsAt: peerSession?.startsAt ?? null };
}

export async function roleIn(db: Db, sessionId: string, userId: string): Promise<Role | null> {
  return (await membership(db, sessionId, userId))?.role ?? null;
}

/**
 * The role of a current member of the session, whatever it is; an outsider (a stranger, a removed member, a
 * member of another session) is told that the thing they named (`notFound`) was not found, as if it did not exist.
 */
export async function requireMember(db: Db, sessionId: string, userId: string, notFound = ROOM_NOT_FOUND): Promise<Role> {
  const role = await roleIn(db, sessionId, userId);
  if (role === null) throw new AppError("NOT_FOUND", notFound);
  return role;
}

/**
 * Passes for the session's interviewer; anyone else in it is told no, and an outsider is told that the
 * thing they named (`notFound`: the interview, or an invite of it) was not found, as if it did not exist.
 */
export async function requireInterviewer(db: Db, sessionId: string, userId: string, notFound = ROOM_NOT_FOUND): Promise<void> {
  const role = await requireMember(db, sessionId, userId, notFound);
  if (!canManageInterview(role)) throw new AppError("FORBIDDEN", INTERVIEWER_ONLY);
}

/**
 * Passes for the interviewer of an interview they organise: its people, question and time are theirs to
 * change (not so in a half of a peer practice session, see `canOrganiseInterview`).
 */
export async function requireOrganiser(db: Db, sessionId: string, userId: string, notFound = ROOM_NOT_FOUND): Promise<void> {
  const found = await membership(db, sessionId, userId);
  if (!found) throw new AppError("NOT_FOUND", notFound);
  if (!canManageInterview(found.role)) throw new AppError("FORBIDDEN", INTERVIEWER_ONLY);
  if (!canOrganiseInterview(found.role, found)) throw new AppError("FORBIDDEN", PEER_HALF_FIXED);
}

export async function myRole(db: Db, userId: string, sessionId: string): Promise<Membership> {
  const found = await membership(db, sessionId, userId);
  if (!found) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  return found;
}
