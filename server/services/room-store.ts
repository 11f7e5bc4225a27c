import type { Prisma } from "@/server/db/generated/client";
import {
  createRoomState,
  questionSnapshotSchema,
  roomEventSchema,
  roomStateSchema,
  type RoomEvent,
  type RoomState,
  type RoomStatus,
} from "@/server/domain/room";
import type { SessionStatus } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

type Tx = Prisma.TransactionClient;

export interface LockedRoom {
  state: RoomState;
  /** Sequence number of the last event folded into `state`. */
  seq: number;
}

export interface StoredEvent {
  seq: number;
  event: RoomEvent;
}

const sessionStatusFor: Record<RoomStatus, SessionStatus> = { lobby: "PLANNED", live: "LIVE", ended: "ENDED" };

export const ROOM_NOT_FOUND = "That interview was not found.";

/**
 * Loads a room's state and holds its row lock until the transaction ends, so commands on one room are
 * applied one at a time, in sequence order, on any number of nodes.
 */
export async function lockRoom(tx: Tx, sessionId: string): Promise<LockedRoom> {
  const rows = await tx.$queryRaw<Array<{ version: number; snapshot: unknown }>>`
    SELECT "version", "snapshot" FROM "InterviewSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", ROOM_NOT_FOUND);
  if (row.snapshot !== null) return { state: roomStateSchema.parse(row.snapshot), seq: row.version };
  return { state: await initialState(tx, sessionId), seq: row.version };
}

/** The room before anyone acted: the planned questions, as snapshotted when they were planned. */
async function initialState(tx: Tx, sessionId: string): Promise<RoomState> {
  const questions = await tx.sessionQuestion.findMany({ where: { sessionId }, orderBy: { position: "asc" } });
  return createRoomState({
    sessionId,
    questions: questions.map((question) =>
      questionSnapshotSchema.parse({ ...(question.snapshot as object), id: question.id, position: question.position, timeBoxSec: question.timeBoxSec }),
    ),
  });
}

/** Appends events after `from.seq` and stores the resulting snapshot, in the caller's transaction. */
export async function appendEvents(
  tx: Tx,
  from: LockedRoom,
  next: RoomState,
  events: RoomEvent[],
  meta: { actorId: string; idempotencyKey: string; at: Date },
): Promise<StoredEvent[]> {
  const stored = events.map((event, index) => ({ seq: from.seq + index + 1, event }));
  await tx.sessionEvent.createMany({
    data: stored.map(({ seq, event }, index) => ({
      sessionId: next.sessionId,
      seq,
      type: event.type,
      actorId: meta.actorId,
      payload: event.payload as Prisma.InputJsonValue,
      // One command may yield several events; each row needs its own key, derived from the command's.
      idempotencyKey: index === 0 ? meta.idempotencyKey : `${meta.idempotencyKey}#${index}`,
      createdAt: meta.at,
    })),
  });
  await recordNotesAndScores(tx, next.sessionId, events);
  await tx.interviewSession.update({
    where: { id: next.sessionId },
    data: {
      version: from.seq + events.length,
      snapshot: next as unknown as Prisma.InputJsonValue,
      status: sessionStatusFor[next.status],
      startedAt: next.startedAt ? new Date(next.startedAt) : null,
      endedAt: next.endedAt ? new Date(next.endedAt) : null,
    },
  });
  return stored;
}

/**
 * Notes and scores also live in their own tables, written in the same transaction as the events, so
 * reviews and progress over time are plain queries rather than replays of every session's log.
 */
async function recordNotesAndScores(tx: Tx, sessionId: string, events: RoomEvent[]): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case "noteAdded": {
        const { noteId, authorId, questionId, body, createdAt } = event.payload;
        await tx.note.create({ data: { id: noteId, sessionId, sessionQuestionId: questionId, authorId, body, createdAt, updatedAt: createdAt } });
        break;
      }
      case "noteEdited":
        await tx.note.update({ where: { id: event.payload.noteId }, data: { body: event.payload.body, updatedAt: event.payload.updatedAt } });
        break;
      case "noteDeleted":
        await tx.note.update({ where: { id: event.payload.noteId }, data: { body: "", deletedAt: event.payload.deletedAt } });
        break;
      case "scoreSet": {
        const { questionId, scorerId, criteria, overall, outOf, comment, at } = event.payload;
        const score = { criteria: criteria as Prisma.InputJsonValue, overall, outOf, comment, updatedAt: at };
        await tx.score.upsert({
          where: { sessionQuestionId_scorerId: { sessionQuestionId: questionId, scorerId } },
          create: { sessionId, sessionQuestionId: questionId, scorerId, createdAt: at, ...score },
          update: score,
        });
        break;
      }
      default:
        break;
    }
  }
}

/** Events after `afterSeq`, in order, validated on read like every JSON column. */
export async function eventsAfter(tx: Tx, sessionId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await tx.sessionEvent.findMany({
    where: { sessionId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, type: true, payload: true },
  });
  return rows.map((row) => ({ seq: row.seq, event: roomEventSchema.parse({ type: row.type, payload: row.payload }) }));
}
