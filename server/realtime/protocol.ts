/**
 * The typed Socket.IO protocol of the live room, shared by the server's gateway and the browser client.
 * Types only and zod schemas: every client-to-server payload is `safeParse`d with its schema before
 * anything else, because the TypeScript types below describe what a well-behaved client sends, not what
 * arrives.
 */
import { z } from "zod";
import type { SessionUser } from "@/server/auth/session";
import type { ErrorCode } from "@/server/platform/errors";
import {
  callConnectionIdSchema,
  clientCommandSchema,
  idSchema,
  type RoomView,
  SCRATCHPAD_MAX_LENGTH,
  type Scratchpad,
  type ScratchpadLanguage,
  type StoredPadUpdate,
  type ViewEvent,
} from "@/server/domain/room";
import { BOARD_COORDINATE_MAX } from "@/server/domain/board/board-element";

/**
 * Bumped whenever a message changes shape. A client that joins with another version is told to reload
 * (OUTDATED_CLIENT) rather than misreading what it is sent.
 */
export const PROTOCOL_VERSION = 9;

/** Every acknowledgement: success with its data, or a code and a sentence fit to show a user. */
/**
 * Answers that mean "not now" rather than "no": the same command, with the same idempotency key, is
 * sent again after `retryAfterMs` (INTERNAL is a bug, and a retry is still safe).
 */
export const RETRIED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["BUSY", "RATE_LIMITED", "INTERNAL"]);

export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; message: string; retryAfterMs?: number };
export type Ack<T extends object = object> = (res: Result<T>) => void;

/** Client-generated per command (a UUID fits), so a command retried after a dropped ack is applied once. */
export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const roomJoinPayloadSchema = z.object({
  protocolVersion: z.number().int(),
  sessionId: idSchema,
  /**
   * The sequence number of the view this client holds, to be brought up to date with what it missed;
   * null when it holds none (a first load) or its view went out of step, to get a fresh one.
   */
  lastSeq: z.number().int().min(0).nullable(),
});
export type RoomJoinPayload = z.infer<typeof roomJoinPayloadSchema>;

export const roomLeavePayloadSchema = z.object({ sessionId: idSchema });
export type RoomLeavePayload = z.infer<typeof roomLeavePayloadSchema>;

export const roomCommandPayloadSchema = z.object({
  sessionId: idSchema,
  idempotencyKey: idempotencyKeySchema,
  command: clientCommandSchema,
});
export type RoomCommandPayload = z.infer<typeof roomCommandPayloadSchema>;

export const timeSyncPayloadSchema = z.object({
  /** The client's `Date.now()` when it sent the request, echoed back for round-trip estimation. */
  clientSentAt: z.number().finite(),
});
export type TimeSyncPayload = z.infer<typeof timeSyncPayloadSchema>;

/** Larger than the offer of a five-member call with camera, microphone and screen (about 10 KB). */
export const SDP_MAX_LENGTH = 64 * 1024;
const ICE_CANDIDATE_MAX_LENGTH = 1024;

/**
 * One WebRTC signalling message, relayed as it is between two tabs in the call: a session description
 * (perfect negotiation: offers, answers, rollbacks) or an ICE candidate (null: no more candidates).
 */
export const callSignalSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("description"),
    description: z.object({ type: z.enum(["offer", "answer", "pranswer", "rollback"]), sdp: z.string().max(SDP_MAX_LENGTH) }),
    /** The sender's MediaStream ids, so that the receiver tells the camera from the screen. */
    streams: z.object({ camera: z.string().max(128).nullable(), screen: z.string().max(128).nullable() }),
  }),
  z.object({
    kind: z.literal("candidate"),
    candidate: z
      .object({
        candidate: z.string().max(ICE_CANDIDATE_MAX_LENGTH),
        sdpMid: z.string().max(64).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(1023).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .nullable(),
  }),
]);
export type CallSignal = z.infer<typeof callSignalSchema>;

/** To one member of the call, from the sender's tab to theirs (both as the room's call has them). */
export const callSignalPayloadSchema = z.object({
  sessionId: idSchema,
  to: idSchema,
  toConnection: callConnectionIdSchema,
  fromConnection: callConnectionIdSchema,
  signal: callSignalSchema,
});
export type CallSignalPayload = z.infer<typeof callSignalPayloadSchema>;

/** A client catching up with a pad: the updates after the version it has. */
export const padPullPayloadSchema = z.object({ sessionId: idSchema, questionId: idSchema, since: z.number().int().min(0) });
export type PadPullPayload = z.infer<typeof padPullPayloadSchema>;

/**
 * What a pull answers with at most: this many updates, and past the first this many bytes of changes.
 * A client told there is `more` pulls again; one pull per pad is in flight per connection.
 */
export const PAD_PULL_LIMIT = 1000;
export const PAD_PULL_MAX_BYTES = 128 * 1024;

/**
 * The updates after `since`, in order; or, when they are no longer stored one by one (a pad written
 * before the collaborative editor), the pad as it is now, which the client starts again from.
 */
export type PadPullResult = { mode: "updates"; updates: StoredPadUpdate[]; more: boolean } | { mode: "reset"; scratchpad: Scratchpad | null };

const padPosition = z.number().int().min(0).max(SCRATCHPAD_MAX_LENGTH);
const padRange = z.object({ from: padPosition, to: padPosition });

/**
 * Where a member's cursor and selections are in a pad, as of the pad's `revision`, and the lines they
 * point everyone at (null: none). Relayed to the others as it is, written nowhere.
 */
export const padCursorPayloadSchema = z.object({
  sessionId: idSchema,
  questionId: idSchema,
  revision: z.number().int().min(0),
  /** `from` is the anchor and `to` the head: a caret is a range with both alike. */
  ranges: z.array(padRange).min(1).max(20),
  highlight: padRange.nullable(),
  /** The tab's first share since its pad opened: the others answer with theirs, so it sees them at once. */
  hello: z.boolean().optional(),
});
export type PadCursorPayload = z.infer<typeof padCursorPayloadSchema>;

export interface PadCursorMessage extends PadCursorPayload {
  userId: string;
}

/** A pointer may be anywhere on the canvas, a little past where elements may be. */
const boardPointerCoordinate = z
  .number()
  .min(-2 * BOARD_COORDINATE_MAX)
  .max(2 * BOARD_COORDINATE_MAX);

/**
 * Where a member's pointer is on a question's whiteboard, in the board's coordinates, whether its button
 * is down, and whether it is Excalidraw's laser. Relayed to the others as it is, written nowhere.
 */
export const boardPointerPayloadSchema = z.object({
  sessionId: idSchema,
  questionId: idSchema,
  x: boardPointerCoordinate,
  y: boardPointerCoordinate,
  button: z.enum(["down", "up"]),
  tool: z.enum(["pointer", "laser"]),
});
export type BoardPointerPayload = z.infer<typeof boardPointerPayloadSchema>;

export interface BoardPointerMessage extends BoardPointerPayload {
  userId: string;
}

export interface SequencedViewEvent {
  seq: number;
  event: ViewEvent;
}

/**
 * A joining client without a view (or `lastSeq` too far behind, or ahead) gets a fresh view. A client
 * that holds its view at `lastSeq` gets only what it missed: the events since, projected for its role,
 * and the scratchpads as they are now (live edits are not logged events); it folds them in with the
 * shared `catchUp`. `seq` is the room's sequence number the result brings the client to.
 */
export type RoomJoinResult =
  | { mode: "snapshot"; view: RoomView; seq: number }
  | { mode: "events"; events: SequencedViewEvent[]; scratchpads: Record<string, Scratchpad | null>; seq: number };

/** `seq` of the event the command produced, or the room's current one when it changed nothing. */
export interface RoomCommandResult {
  seq: number;
  /** For `editScratchpad`: the scratchpad revision the edit made. */
  revision?: number;
}

export interface TimeSyncResult {
  /** Server `Date.now()` when the request was handled. */
  serverNow: number;
  clientSentAt: number;
}

export interface ClientToServerEvents {
  "room:join": (payload: RoomJoinPayload, ack: Ack<RoomJoinResult>) => void;
  "room:leave": (payload: RoomLeavePayload, ack: Ack) => void;
  "room:command": (payload: RoomCommandPayload, ack: Ack<RoomCommandResult>) => void;
  "time:sync": (payload: TimeSyncPayload, ack: Ack<TimeSyncResult>) => void;
  "call:signal": (payload: CallSignalPayload, ack: Ack) => void;
  "pad:pull": (payload: PadPullPayload, ack: Ack<PadPullResult>) => void;
  "pad:cursor": (payload: PadCursorPayload, ack: Ack) => void;
  "board:pointer": (payload: BoardPointerPayload, ack: Ack) => void;
}

/** Every client-to-server event with the schema its payload is checked against. */
export const clientPayloadSchemas = {
  "room:join": roomJoinPayloadSchema,
  "room:leave": roomLeavePayloadSchema,
  "room:command": roomCommandPayloadSchema,
  "time:sync": timeSyncPayloadSchema,
  "call:signal": callSignalPayloadSchema,
  "pad:pull": padPullPayloadSchema,
  "pad:cursor": padCursorPayloadSchema,
  "board:pointer": boardPointerPayloadSchema,
} satisfies Record<keyof ClientToServerEvents, z.ZodType>;

/**
 * One committed event, projected for the receiving member with `eventForViewer`: its size is that of the
 * change. Clients fold it into their view with the shared `foldView`. A member does not receive events
 * they may not see, so `seq` may skip; an event at or below the client's `seq` is a duplicate or arrived
 * out of order (two nodes publishing), and the client then rejoins to resync.
 */
export interface RoomEventMessage {
  sessionId: string;
  seq: number;
  event: ViewEvent;
}

/**
 * Pad updates the server accepted and stored, sent to every member as they are made; not logged
 * events, so they have no `seq`. They follow the pad at `revision - updates.length` (see
 * `foldScratchpadEdit`); a client that holds an earlier version pulls what it missed. Checkpoints of the
 * text arrive as `scratchpadUpdated` room events.
 */
export interface ScratchpadEditMessage {
  sessionId: string;
  questionId: string;
  revision: number;
  updates: StoredPadUpdate[];
  updatedAt: string;
  /** The pad's language after these updates. */
  language: ScratchpadLanguage;
  authorId: string;
}

/** Sent to every socket of a participant the owner removed; the room sends them nothing more. */
export interface RoomRemovedMessage {
  sessionId: string;
  message: string;
}

/**
 * A call signal relayed to every tab of its target (`from`: the sender's user id, checked by the server);
 * only the tab whose connection id is `toConnection` takes it.
 */
export interface CallSignalMessage {
  sessionId: string;
  from: string;
  fromConnection: string;
  toConnection: string;
  signal: CallSignal;
}

export interface ServerShutdownMessage {
  reason: string;
}

export interface ServerToClientEvents {
  "room:event": (message: RoomEventMessage) => void;
  "room:scratchpad": (message: ScratchpadEditMessage) => void;
  "server:shutdown": (message: ServerShutdownMessage) => void;
  "room:removed": (message: RoomRemovedMessage) => void;
  "call:signal": (message: CallSignalMessage) => void;
  "pad:cursor": (message: PadCursorMessage) => void;
  "board:pointer": (message: BoardPointerMessage) => void;
}

/**
 * Between nodes (through the adapter): a node that appended to a room says how far, so that the others
 * bring their cached copy up to date before deciding its next command. State lives in PostgreSQL; this
 * only saves a node from deciding on an old copy.
 */
export interface InterServerEvents {
  "room:advanced": (sessionId: string, seq: number) => void;
}

export interface SocketData {
  /** Set by the handshake middleware. */
  user: SessionUser;
}
