// A pad's text as a load generator follows it: folded from the room's relays (`room:scratchpad`), and
// read back whole with `pad:pull` (the updates stored one by one) when a relay was missed or at the end.
import { ChangeSet, Text } from "@codemirror/state";
import type { Socket } from "socket.io-client";
import { textOf, type StoredPadUpdate } from "@/server/domain/room";
import { type PadPullResult, type Result, type ScratchpadEditMessage } from "@/server/realtime/protocol";

export interface PadCopy {
  doc: Text;
  revision: number;
}

export const EMPTY_PAD: PadCopy = { doc: Text.empty, revision: 0 };

/** The copy after a relay; null when the relay skips versions (the copy must be pulled again). */
export function foldRelay(pad: PadCopy, message: Pick<ScratchpadEditMessage, "revision" | "updates">): PadCopy | null {
  const first = message.revision - message.updates.length + 1;
  if (message.revision <= pad.revision) return pad;
  if (first > pad.revision + 1) return null;
  return { doc: applyUpdates(pad.doc, message.updates.slice(pad.revision + 1 - first)), revision: message.revision };
}

function applyUpdates(doc: Text, updates: readonly StoredPadUpdate[]): Text {
  return updates.reduce((text, update) => ChangeSet.fromJSON(update.changes).apply(text), doc);
}

/** The pad as the server stores it: every update from version 0 (or the checkpoint, for an old pad). */
export async function pullPad(socket: Socket, sessionId: string, questionId: string): Promise<PadCopy> {
  let pad = EMPTY_PAD;
  for (;;) {
    const answer = (await socket.timeout(30_000).emitWithAck("pad:pull", { sessionId, questionId, since: pad.revision })) as Result<PadPullResult>;
    if (!answer.ok) throw new Error(`pad:pull of ${sessionId}/${questionId} was refused: ${answer.code} ${answer.message}`);
    if (answer.mode === "reset") return { doc: textOf(answer.scratchpad?.text ?? ""), revision: answer.scratchpad?.revision ?? 0 };
    pad = { doc: applyUpdates(pad.doc, answer.updates), revision: pad.revision + answer.updates.length };
    if (!answer.more) return pad;
  }
}
