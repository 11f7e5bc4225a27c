import { rebaseUpdates } from "@codemirror/collab";
import { ChangeSet, Text } from "@codemirror/state";
import { SCRATCHPAD_MAX_LENGTH, SCRATCHPAD_TOO_LONG, type CommandOf, type PadUpdate } from "./commands";
import { can, type Actor } from "./policy";
import { refuse, type Refused } from "./room-error";
import { findQuestion, type RoomState, type Scratchpad, type ScratchpadLanguage } from "./room-state";

/**
 * The pad: one document per asked question that the candidate and the staff type in at once. It is
 * collaborative editing with the server as the authority (@codemirror/collab): a client sends the
 * changes it made on the version it last saw, the server moves them over whatever was accepted since
 * (`rebaseUpdates`), numbers them, stores them (a `PadUpdate` row each, before anyone hears of them) and
 * relays them to every member, who apply them in version order. `revision` is that version. The text is
 * also checkpointed into the room's log (`scratchpadUpdated`) every few seconds and before the question
 * changes, which is what the replay and the session page read.
 */

/** An accepted update as it is stored and relayed: the changes in JSON, who made them, the version it made. */
export interface StoredPadUpdate {
  version: number;
  clientID: string;
  changes: unknown;
  /** Set on the update that changed the pad's language (an update without changes, made by the server). */
  language?: ScratchpadLanguage;
}

/** The server's copy of a pad: its text at `version`, and the updates accepted lately for rebasing late pushes. */
export interface PadDoc {
  doc: Text;
  version: number;
  language: ScratchpadLanguage;
  updatedAt: string;
  /** Who typed last: the checkpoint is logged as theirs. */
  authorId: string;
  /** The latest accepted updates, oldest first, ending at `version`, with their parts counted. */
  recent: readonly RecentUpdate[];
}

interface RecentUpdate {
  clientID: string;
  changes: ChangeSet;
  parts: number;
}

/**
 * The accepted updates the server keeps to rebase a push made on an older version: at most this many,
 * and at most this many change parts in all, since rebasing costs time in the parts it moves over. A
 * push older than that is answered CONFLICT, and its tab pulls and rebases it itself.
 */
export const PAD_RECENT_UPDATES = 500;
export const PAD_RECENT_PARTS = 50_000;

/** The clientID of updates the server makes itself (a language change): no client takes them for its own. */
export const SERVER_CLIENT_ID = "";

/**
 * A tab's client id for @codemirror/collab names its member, `<userId>_<random>`: the server takes a
 * member's updates only under their own ids (`ownsPadClient`), so no member can pass for another's editor,
 * whose relayed updates that editor would take for confirmations of its own typing.
 */
export function newPadClientID(userId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `${userId}_${Array.from(bytes, (byte) => byte.toString(36).padStart(2, "0")).join("")}`;
}

export function ownsPadClient(userId: string, clientID: string): boolean {
  const cut = clientID.lastIndexOf("_");
  return cut > 0 && clientID.slice(0, cut) === userId;
}

/** The pad's one length rule: the server refuses past it, and every editor refuses the same change first. */
export function fitsScratchpad(text: { readonly length: number }): boolean {
  return text.length <= SCRATCHPAD_MAX_LENGTH;
}

export function textOf(text: string): Text {
  return Text.of(text.split("\n"));
}

/**
 * A pad before anyone typed in it: the question's starter code in its language, at version 0. The
 * server and every editor start from this same text, so the updates that follow apply alike.
 */
export function initialPad(code: { starterCode: string; language: ScratchpadLanguage | null } | null): {
  text: string;
  revision: 0;
  language: ScratchpadLanguage;
} {
  return { text: code?.starterCode ?? "", revision: 0, language: code?.language ?? "plain" };
}

/** A pad as the server starts it: from its last checkpoint, or from the question's starter code. */
export function padFromCheckpoint(state: RoomState, questionId: string, now: Date, authorId: string): PadDoc {
  const saved = state.scratchpads[questionId];
  const start = saved ?? initialPad(findQuestion(state, questionId)?.code ?? null);
  return {
    doc: textOf(start.text),
    version: start.revision,
    language: start.language,
    updatedAt: saved?.updatedAt ?? now.toISOString(),
    authorId,
    recent: [],
  };
}

/** Folds updates accepted elsewhere (read back from the database) into the server's copy. Null when one does not fit. */
export function withStoredUpdates(pad: PadDoc, updates: readonly StoredPadUpdate[], at: string): PadDoc | null {
  let next = pad;
  for (const update of updates) {
    if (update.version !== next.version + 1) return null;
    const changes = changeSetOf(update.changes, next.doc.length);
    if (!changes) return null;
    next = advance(next, [{ clientID: update.clientID, changes, parts: partsOf(update.changes) }], update.language ?? next.language, at, next.authorId);
  }
  return next;
}

export type PadDecision = { ok: true; pad: PadDoc; accepted: StoredPadUpdate[] } | Refused;

/**
 * Decides a push. The updates are moved over those accepted since `baseRevision`, less any already
 * accepted (a push sent again after a lost answer, or after a reload). An empty `accepted` changes
 * nothing. CONFLICT when the push is older than the updates kept, or newer than this copy (another
 * node's): the client pulls and pushes again.
 */
export function decidePadPush(state: RoomState, pad: PadDoc | undefined, actor: Actor, command: CommandOf<"editScratchpad">, now: Date): PadDecision {
  const allowed = can(actor, command, state);
  if (!allowed.ok) return allowed;
  if (!command.updates.every((update) => ownsPadClient(actor.userId, update.clientID))) {
    return refuse("FORBIDDEN", "Those edits name another member's editor.");
  }
  if (state.status !== "live") return refuse("CONFLICT", state.status === "lobby" ? "The interview has not started yet." : "The interview has ended.");
  if (!findQuestion(state, command.questionId) || !state.visitedQuestionIds.includes(command.questionId)) {
    return refuse("NOT_FOUND", "That question has not been asked in this interview.");
  }
  const current = pad ?? padFromCheckpoint(state, command.questionId, now, actor.userId);
  const behind = current.version - command.baseRevision;
  if (behind < 0 || behind > current.recent.length) return refuse("CONFLICT", "The pad changed elsewhere; catching up.");
  const moved = rebased(command.updates, current, behind);
  if (!moved) return refuse("BAD_REQUEST", "That edit does not fit the pad's text.");
  const languageChange = command.language !== undefined && command.language !== current.language;
  if (moved.length === 0 && !languageChange) return { ok: true, pad: current, accepted: [] };
  const at = now.toISOString();
  const accepted: StoredPadUpdate[] = moved.map((update, i) => ({
    version: current.version + i + 1,
    clientID: update.clientID,
    changes: update.changes.toJSON(),
  }));
  let next = advance(
    current,
    moved.map((update, i) => ({ ...update, parts: partsOf(accepted[i]!.changes) })),
    current.language,
    at,
    actor.userId,
  );
  if (!fitsScratchpad(next.doc)) return refuse("PAYLOAD_TOO_LARGE", `${SCRATCHPAD_TOO_LONG} That change was not added.`);
  if (languageChange) {
    const empty = ChangeSet.empty(next.doc.length);
    next = advance(next, [{ clientID: SERVER_CLIENT_ID, changes: empty, parts: 1 }], command.language!, at, actor.userId);
    accepted.push({ version: next.version, clientID: SERVER_CLIENT_ID, changes: empty.toJSON(), language: command.language! });
  }
  return { ok: true, pad: next, accepted };
}

function rebased(updates: readonly PadUpdate[], pad: PadDoc, behind: number): Array<{ clientID: string; changes: ChangeSet }> | null {
  try {
    const parsed = updates.map((update) => ({ clientID: update.clientID, changes: ChangeSet.fromJSON(update.changes) }));
    const moved = rebaseUpdates(parsed, pad.recent.slice(pad.recent.length - behind));
    // Each must fit the text as the one before it left it, from the current text on.
    let length = pad.doc.length;
    for (const update of moved) {
      if (update.changes.length !== length) return null;
      length = update.changes.newLength;
    }
    return moved.map((update) => ({ clientID: update.clientID, changes: update.changes as ChangeSet }));
  } catch {
    // fromJSON and map throw on changes that do not describe this text.
    return null;
  }
}

function advance(pad: PadDoc, updates: RecentUpdate[], language: ScratchpadLanguage, at: string, authorId: string): PadDoc {
  const doc = updates.reduce((text, update) => update.changes.apply(text), pad.doc);
  const recent = [...pad.recent, ...updates].slice(-PAD_RECENT_UPDATES);
  let parts = recent.reduce((sum, update) => sum + update.parts, 0);
  let dropped = 0;
  while (parts > PAD_RECENT_PARTS) parts -= recent[dropped++]!.parts;
  return { doc, version: pad.version + updates.length, language, updatedAt: at, authorId, recent: recent.slice(dropped) };
}

/** The parts of a change set in its JSON form (what rebasing over it costs). */
function partsOf(json: unknown): number {
  return Array.isArray(json) ? json.length : 1;
}

function changeSetOf(json: unknown, length: number): ChangeSet | null {
  try {
    const changes = ChangeSet.fromJSON(json);
    return changes.length === length ? changes : null;
  } catch {
    return null;
  }
}

/** The text after stored updates, as a client's fold applies them; null when one does not fit. */
export function applyPadUpdates(text: string, updates: ReadonlyArray<{ changes: unknown }>): string | null {
  let doc = textOf(text);
  for (const update of updates) {
    const changes = changeSetOf(update.changes, doc.length);
    if (!changes) return null;
    doc = changes.apply(doc);
  }
  return doc.toString();
}

/** A scratchpad after its checkpoint (older events lack the revision and the language). */
export function checkpointed(
  previous: Scratchpad | null,
  checkpoint: { text: string; updatedAt: string; revision?: number; language?: ScratchpadLanguage },
): Scratchpad {
  return {
    text: checkpoint.text,
    updatedAt: checkpoint.updatedAt,
    revision: checkpoint.revision ?? (previous?.revision ?? 0) + 1,
    language: checkpoint.language ?? previous?.language ?? "plain",
  };
}
