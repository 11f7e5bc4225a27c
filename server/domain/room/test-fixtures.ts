/** Shared by the room's unit tests: a small interview whose every hidden field holds a unique marker. */
import { expect } from "vitest";
import { apply } from "./apply";
import type { Command } from "./commands";
import { decide } from "./decide";
import type { RoomEvent } from "./events";
import type { Actor } from "./policy";
import { createRoomState, type QuestionSnapshot, type RoomState } from "./room-state";

export const interviewer = { userId: "user_interviewer", role: "INTERVIEWER" } as const satisfies Actor;
export const coInterviewer = { userId: "user_cointerviewer", role: "CO_INTERVIEWER" } as const satisfies Actor;
export const candidate = { userId: "user_candidate", role: "CANDIDATE" } as const satisfies Actor;
export const observer = { userId: "user_observer", role: "OBSERVER" } as const satisfies Actor;
export const everyone = [interviewer, coInterviewer, candidate, observer] as const;

/** Everything interviewer-only about a question carries `SECRET`; prompts carry `PROMPT`, never a prefix of another. */
export function question(n: number, followUps = 3): QuestionSnapshot {
  const q = `Q${n}`;
  return {
    id: `question_${n}_id`,
    position: n - 1,
    timeBoxSec: 600,
    prompt: `PROMPT_${q}_MAIN`,
    section: [`SECRET_${q}_SECTION`],
    answer: `SECRET_${q}_ANSWER`,
    keyPoints: [`SECRET_${q}_KEYPOINT_A`, `SECRET_${q}_KEYPOINT_B`],
    rubric: [
      { title: `SECRET_${q}_RUBRIC_A`, lookFor: [`SECRET_${q}_RUBRIC_A_LOOKFOR`] },
      { title: `SECRET_${q}_RUBRIC_B`, lookFor: [`SECRET_${q}_RUBRIC_B_LOOKFOR`] },
    ],
    followUps: Array.from({ length: followUps }, (_, i) => {
      const f = `${q}_F${i + 1}`;
      return { id: `followup_${n}_${i + 1}_id`, prompt: `PROMPT_${f}_FOLLOWUP`, answer: `SECRET_${f}_ANSWER`, lookFor: [`SECRET_${f}_LOOKFOR`] };
    }),
    redFlags: [`SECRET_${q}_REDFLAG`],
    exampleScore: { score: 7, outOf: 10, reasons: [`SECRET_${q}_EXAMPLE_REASON`] },
    meta: { level: `SECRET_${q}_META_LEVEL`, nested: { company: `SECRET_${q}_META_COMPANY` } },
  };
}

export const T0 = new Date("2025-03-01T10:00:00.000Z");
export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

export function idSource(prefix = "note"): () => string {
  let next = 0;
  return () => `${prefix}_${++next}`;
}

export function emptyRoom(questionCount = 3): RoomState {
  return createRoomState({
    sessionId: "session_1",
    questions: Array.from({ length: questionCount }, (_, i) => question(i + 1)),
  });
}

/** Runs a command that must succeed and folds its events in. */
export function run(
  state: RoomState,
  actor: Actor,
  command: Command,
  now: Date = T0,
  ids: () => string = idSource(),
): { state: RoomState; events: RoomEvent[] } {
  const decision = decide(state, actor, command, now, ids);
  if (!decision.ok) expect.fail(`${command.type} by ${actor.role} refused: ${decision.error.code} ${decision.error.message}`);
  return { state: decision.events.reduce(apply, state), events: decision.events };
}

/** A room everybody has joined, still in the lobby. */
export function joinedRoom(questionCount = 3): RoomState {
  let state = emptyRoom(questionCount);
  for (const actor of everyone) state = run(state, actor, { type: "join", name: `Name of ${actor.userId}` }).state;
  return state;
}

/** A joined room whose interview started at T0, on the first question. */
export function liveRoom(questionCount = 3): RoomState {
  return run(joinedRoom(questionCount), interviewer, { type: "start" }, T0).state;
}

export const scorers = [interviewer, coInterviewer, observer] as const;

/** A live room in which `actor` rated both criteria of the first question (levels as given). */
export function rated(state: RoomState, actor: Actor, levels: readonly [1 | 2 | 3 | 4 | "no_evidence", 1 | 2 | 3 | 4 | "no_evidence"] = [3, 3]): RoomState {
  return levels.reduce(
    (current, rating, criterion) =>
      run(current, actor, { type: "rateCriterion", questionId: "question_1_id", criterion, rating, comment: "", evidence: [] }).state,
    state,
  );
}

/** An ended room after one question, which every scorer rated (not submitted). */
export function ratedEndedRoom(): RoomState {
  const ratedByAll = scorers.reduce((state, actor) => rated(state, actor), liveRoom());
  return run(ratedByAll, interviewer, { type: "end" }).state;
}

/** The interviewer's card submitted and released to the candidate with its scores. */
export function releasedRoom(): RoomState {
  const submitted = run(ratedEndedRoom(), interviewer, { type: "submitScorecard" }).state;
  return run(submitted, interviewer, { type: "releaseFeedback", text: "FEEDBACK_TEXT", includeScores: true }).state;
}
