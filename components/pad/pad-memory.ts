import type { PadUpdate } from "@/server/domain/room";

/**
 * What a tab keeps of a pad in sessionStorage, so that a reload loses no typing: its client id (by which
 * the server knows updates it already took from this tab), and, while typing is unsent, the text at the
 * synced version with the unsent changes on top of it.
 */
export interface PadMemory {
  clientID: string;
  revision: number;
  text: string;
  pending: Array<PadUpdate["changes"]>;
}

const PREFIX = "mockroom.pad.";

function keyOf(sessionId: string, questionId: string): string {
  return `${PREFIX}${sessionId}.${questionId}`;
}

export function recallPad(storage: Storage | null, sessionId: string, questionId: string): PadMemory | null {
  try {
    const raw = storage?.getItem(keyOf(sessionId, questionId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<PadMemory>;
    if (typeof value.clientID !== "string" || typeof value.revision !== "number" || typeof value.text !== "string" || !Array.isArray(value.pending))
      return null;
    return value as PadMemory;
  } catch {
    return null;
  }
}

export function rememberPad(storage: Storage | null, sessionId: string, questionId: string, memory: PadMemory): void {
  try {
    // Without unsent typing only the id matters; the text then comes from the room.
    const kept = memory.pending.length > 0 ? memory : { ...memory, text: "", pending: [] };
    storage?.setItem(keyOf(sessionId, questionId), JSON.stringify(kept));
  } catch {
    // Storage full or refused (private mode): the pad still works; only a reload could lose unsent typing.
  }
}
