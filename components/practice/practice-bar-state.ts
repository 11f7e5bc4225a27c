import type { PracticeStatus } from "@/components/practice/practice-queue";

export type ActivePractice = Extract<PracticeStatus, { state: "active" }>;

/**
 * What the bar above a peer half's room shows: the running half (this room), the half that runs in another
 * room (the swap happened: go there), or the end of the practice (this session is no longer running).
 */
export type PracticeBarState =
  | { kind: "loading" }
  | { kind: "upcoming"; startsAt: Date }
  | { kind: "running"; practice: ActivePractice }
  | { kind: "moved"; roomId: string }
  | { kind: "finished" };

/** `room.startsAt` is the half's planned start: a booked slot's lies ahead until the session opens. */
export function practiceBarState(
  status: PracticeStatus | undefined,
  room: { sessionId: string; peerSessionId: string; startsAt?: Date | null },
  now: number,
): PracticeBarState {
  if (status === undefined) return { kind: "loading" };
  if (status.state !== "active" || status.peerSessionId !== room.peerSessionId) {
    // Booked for later: not open yet. Otherwise it is not running, or another session is (one starts only after this one is over).
    return room.startsAt && room.startsAt.getTime() > now ? { kind: "upcoming", startsAt: room.startsAt } : { kind: "finished" };
  }
  if (status.roomId !== room.sessionId) return { kind: "moved", roomId: status.roomId };
  return { kind: "running", practice: status };
}

/** How long the half has left on the server's clock; never below zero. */
export function halfTimeLeftMs(practice: Pick<ActivePractice, "halfStartedAt" | "halfMinutes">, serverNow: number): number {
  return Math.max(0, practice.halfStartedAt.getTime() + practice.halfMinutes * 60_000 - serverNow);
}

/** Where the swap stands, in a sentence; null when there is nothing to say (or no swap: the second half). */
export function swapNote(practice: ActivePractice): string | null {
  if (practice.half === 2) return null;
  if (practice.swapAsked) return `Waiting for ${practice.partnerName} to agree`;
  if (practice.partnerAskedSwap) return `${practice.partnerName} asked to swap`;
  if (practice.halfTimeUp) return "Time is up: swap when you are ready";
  return null;
}
