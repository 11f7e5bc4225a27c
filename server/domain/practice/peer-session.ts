/** The rules of a peer session once both have accepted: who asks in which half, and when the roles swap. */

export interface PeerSessionFacts {
  firstId: string;
  secondId: string;
  status: "PROPOSED" | "ACCEPTED" | "WITHDRAWN" | "ENDED";
  /** 1 or 2 once accepted. */
  half: number;
  halfStartedAt: Date | null;
  halfMinutes: number;
  swapAskedBy: readonly string[];
}

export type PeerSide = "first" | "second";

export function sideOf(session: Pick<PeerSessionFacts, "firstId" | "secondId">, userId: string): PeerSide | null {
  if (userId === session.firstId) return "first";
  if (userId === session.secondId) return "second";
  return null;
}

/** Who asks in a half: the first person in the first half, the second in the second. */
export function askerOf(session: Pick<PeerSessionFacts, "firstId" | "secondId">, half: 1 | 2): string {
  return half === 1 ? session.firstId : session.secondId;
}

export function halfTimeUp(session: Pick<PeerSessionFacts, "halfStartedAt" | "halfMinutes">, now: Date): boolean {
  return session.halfStartedAt !== null && now.getTime() >= session.halfStartedAt.getTime() + session.halfMinutes * 60_000;
}

export type SwapDecision = { swap: true } | { swap: false; waitingFor: string } | { error: string };

/**
 * Asking to swap: the roles swap once both have asked, or at once when the half's time is up. Only the
 * first half swaps; the second ends the session.
 */
export function decideSwap(session: PeerSessionFacts, userId: string, now: Date): SwapDecision {
  const side = sideOf(session, userId);
  if (side === null) return { error: "You are not in this practice session." };
  if (session.status !== "ACCEPTED" || session.half !== 1) return { error: "The roles have already swapped." };
  if (halfTimeUp(session, now)) return { swap: true };
  const asked = new Set([...session.swapAskedBy, userId]);
  if (asked.has(session.firstId) && asked.has(session.secondId)) return { swap: true };
  return { swap: false, waitingFor: side === "first" ? session.secondId : session.firstId };
}

/** A partner who has not come into the session's room this long after it began may be left. */
export const NO_SHOW_AFTER_MS = 5 * 60_000;

/**
 * Leaving a partner who never came: only in the first half, only once they have been awaited for five
 * minutes, and never once they have come into the room (then the session is simply ended in the room).
 */
export function decideNoShow(facts: { half: number; halfStartedAt: Date | null; partnerCame: boolean }, now: Date): { ok: true } | { error: string } {
  if (facts.half !== 1 || facts.halfStartedAt === null) return { error: "Your practice session is past its start; end it from the room." };
  if (facts.partnerCame) return { error: "Your partner has come into the room." };
  const waitedMs = now.getTime() - facts.halfStartedAt.getTime();
  if (waitedMs < NO_SHOW_AFTER_MS) return { error: `Give your partner ${Math.ceil((NO_SHOW_AFTER_MS - waitedMs) / 60_000)} more minute(s) to come in.` };
  return { ok: true };
}
