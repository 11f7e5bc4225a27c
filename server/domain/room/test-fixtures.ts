import type { RunReport } from "../code/run-record";
import type { BoardElement } from "../board/board-element";
import { rectangle } from "../board/test-elements";
/** Shared by the room's unit tests: a small interview whose every hidden field holds a unique marker. */
import fc from "fast-check";
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
      { title: `SECRET_${q}_RUBRIC_A`, lookFor: [`SECRET_${q}_RUBRIC_A_LOOKFOR`], competency: { key: "system-design", name: "System design" } },
      { title: `SECRET_${q}_RUBRIC_B`, lookFor: [`SECRET_${q}_RUBRIC_B_LOOKFOR`], competency: { key: "communication", name: "Communication" } },
    ],
    followUps: Array.from({ length: followUps }, (_, i) => {
      const f = `${q}_F${i + 1}`;
      return { id: `followup_${n}_${i + 1}_id`, prompt: `PROMPT_${f}_FOLLOWUP`, answer: `SECRET_${f}_ANSWER`, lookFor: [`SECRET_${f}_LOOKFOR`] };
    }),
    redFlags: [`SECRET_${q}_REDFLAG`],
    exampleScore: { score: 7, outOf: 10, reasons: [`SECRET_${q}_EXAMPLE_REASON`] },
    meta: { level: `SECRET_${q}_META_LEVEL`, nested: { company: `SECRET_${q}_META_COMPANY` } },
    // A coding question: its starter code and tests are the candidate's to see once it is asked.
    code: {
      language: "python",
      starterCode: `def PROMPT_${q}_STARTER(nums):\n    pass\n`,
      entry: `PROMPT_${q}_STARTER`,
      tests: [{ name: `PROMPT_${q}_TEST`, input: "[[1, 2]]", expected: "3" }],
    },
    // Its starting diagram: the candidate's to see once the question is asked, like its prompt.
    board: [boardText(`start_${n}`, `PROMPT_${q}_BOARD_START`, 1)],
    // Where its parts came from in the bank's document: the passages hold the answers, staff only.
    provenance: {
      sources: {
        rubric: [
          { criterion: linesAt(3, 5), lookFor: [linesAt(4, 4)] },
          { criterion: { lines: null, origin: "edited" }, lookFor: [{ lines: null, origin: "added" }] },
        ],
        keyPoints: [linesAt(4, 4), { lines: { from: 5, to: 5 }, origin: "derived" }],
        followUps: Array.from({ length: followUps }, () => linesAt(6, 6)),
        redFlags: [linesAt(7, 7)],
        exampleScore: linesAt(8, 8),
      },
      passages: [{ from: 1, lines: Array.from({ length: 11 }, (_, i) => `SECRET_${q}_PASSAGE_LINE_${i + 1}`) }],
    },
  };
}

const linesAt = (from: number, to: number) => ({ lines: { from, to }, origin: "document" as const });

/** A text element on a whiteboard, as Excalidraw makes one. */
export function boardText(id: string, text: string, version: number, versionNonce = 0): BoardElement {
  return {
    ...rectangle({ id, version, versionNonce }),
    type: "text",
    text,
    originalText: text,
    fontSize: 20,
    fontFamily: 5,
    textAlign: "left",
    verticalAlign: "top",
    containerId: null,
    autoResize: true,
    lineHeight: 1.25,
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

/** The tab each fixture member is in the call from. */
export function callTab(actor: Actor): string {
  return `tab_${actor.userId}`;
}

/** A live room whose observers may speak, with everyone in the call, microphone and camera on. */
export function inCallRoom(): RoomState {
  let state = run(liveRoom(), interviewer, { type: "setCallPolicy", observersMaySpeak: true }).state;
  for (const actor of everyone) {
    state = run(state, actor, { type: "joinCall", connectionId: callTab(actor), media: { audio: true, video: true } }).state;
  }
  return state;
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

const Q = (n: number) => `question_${n}_id`;
const F = (q: number, f: number) => `followup_${q}_${f}_id`;
const note = (n: number) => `note_${n}`;

/** A run as a browser reports it: one test passed, one failed. */
export function RUN(runId: string): RunReport {
  return {
    runId,
    language: "python",
    status: "ok",
    message: null,
    durationMs: 42,
    stdout: "PROMPT_RUN_OUTPUT\n",
    stderr: "",
    tests: [
      { name: "PROMPT_Q1_TEST", passed: true, expected: "3", actual: "3" },
      { name: "PROMPT_ADDED_TEST", passed: false, expected: "5", actual: "4" },
    ],
  };
}

/** For property tests: every kind of command, by every kind of member, aimed at things that exist and things that do not. */
export const steps: Array<[Actor, Command]> = [
  ...everyone.map((actor): [Actor, Command] => [actor, { type: "join", name: `Name of ${actor.userId}` }]),
  ...everyone.flatMap((actor) => (["connected", "away", "disconnected"] as const).map((status): [Actor, Command] => [actor, { type: "setPresence", status }])),
  [interviewer, { type: "start" }],
  [interviewer, { type: "nextQuestion", fromQuestionId: Q(1) }],
  [interviewer, { type: "nextQuestion", fromQuestionId: Q(2) }],
  [coInterviewer, { type: "previousQuestion", fromQuestionId: Q(2) }],
  [interviewer, { type: "goToQuestion", questionId: Q(3) }],
  [interviewer, { type: "goToQuestion", questionId: Q(1) }],
  ...[1, 2, 3].flatMap((q) => [1, 2].map((f): [Actor, Command] => [interviewer, { type: "revealFollowUp", questionId: Q(q), followUpId: F(q, f) }])),
  [interviewer, { type: "setKeyPointChecked", questionId: Q(1), index: 0, checked: true }],
  [coInterviewer, { type: "setKeyPointChecked", questionId: Q(1), index: 0, checked: false }],
  [interviewer, { type: "setKeyPointChecked", questionId: Q(2), index: 1, checked: true }],
  [interviewer, { type: "addNote", body: "interviewer note" }],
  [coInterviewer, { type: "addNote", body: "co-interviewer note" }],
  [observer, { type: "addNote", body: "observer note" }],
  ...[1, 2, 3].flatMap((n): Array<[Actor, Command]> => [
    [interviewer, { type: "editNote", noteId: note(n), body: `edited ${n}` }],
    [observer, { type: "editNote", noteId: note(n), body: `observer edited ${n}` }],
    [interviewer, { type: "deleteNote", noteId: note(n) }],
    [observer, { type: "deleteNote", noteId: note(n) }],
  ]),
  // Scoring: each scorer rates everything asked (so that submitting can succeed), amends after submitting.
  ...scorers.flatMap((actor) =>
    [1, 2, 3].flatMap((q) =>
      [0, 1].map((criterion): [Actor, Command] => [
        actor,
        { type: "rateCriterion", questionId: Q(q), criterion, rating: (((q + criterion) % 4) + 1) as 1 | 2 | 3 | 4, comment: "", evidence: [] },
      ]),
    ),
  ),
  [observer, { type: "rateCriterion", questionId: Q(1), criterion: 0, rating: "no_evidence", comment: "why", evidence: [note(3)] }],
  [interviewer, { type: "setQuestionOverall", questionId: Q(1), overall: 7, comment: "good" }],
  [coInterviewer, { type: "setRedFlags", questionId: Q(1), redFlags: [0], customRedFlags: ["vague"] }],
  [interviewer, { type: "setSummary", recommendation: "yes", takeaways: "t", strengths: "s", improvements: "i" }],
  ...scorers.map((actor): [Actor, Command] => [actor, { type: "submitScorecard" }]),
  [interviewer, { type: "setQuestionOverall", questionId: Q(1), overall: 9, comment: "better", amendmentReason: "rewatched" }],
  [observer, { type: "rateCriterion", questionId: Q(1), criterion: 1, rating: 1, comment: "", evidence: [], amendmentReason: "missed it" }],
  [interviewer, { type: "setCompetencyWeights", weights: [{ competency: "system-design", weight: 3 }] }],
  [interviewer, { type: "draftFeedback", text: "draft" }],
  [interviewer, { type: "releaseFeedback", text: "released", includeScores: true }],
  [candidate, { type: "finishSelfAssessment", ratings: [{ questionId: Q(1), criterion: 0, level: 2 }] }],
  [candidate, { type: "checkpointScratchpad", questionId: Q(1), text: "first draft", revision: 1 }],
  [candidate, { type: "checkpointScratchpad", questionId: Q(2), text: "second draft", revision: 1 }],
  // The pad's code: a test added by an interviewer, runs by the candidate and the owner, one of them retried.
  [coInterviewer, { type: "addTestCase", questionId: Q(1), test: { name: "PROMPT_ADDED_TEST", input: "[[5]]", expected: "5" } }],
  [observer, { type: "addTestCase", questionId: Q(2), test: { name: "observer test", input: "1", expected: "1" } }],
  [candidate, { type: "recordRun", questionId: Q(1), run: RUN("run-candidate-1") }],
  [candidate, { type: "recordRun", questionId: Q(1), run: RUN("run-candidate-1") }],
  [interviewer, { type: "recordRun", questionId: Q(2), run: RUN("run-interviewer-1") }],
  [observer, { type: "recordRun", questionId: Q(1), run: RUN("run-observer-1") }],
  [candidate, { type: "drawOnBoard", questionId: Q(1), elements: [boardText("box", "PROMPT_CANDIDATE_DRAWING", 1)] }],
  [interviewer, { type: "drawOnBoard", questionId: Q(1), elements: [boardText("box", "PROMPT_INTERVIEWER_EDIT", 2), boardText("arrow", "PROMPT_ARROW", 1)] }],
  [coInterviewer, { type: "drawOnBoard", questionId: Q(2), elements: [boardText("start_2", "PROMPT_Q2_REDRAWN", 2)] }],
  [candidate, { type: "drawOnBoard", questionId: Q(1), elements: [boardText("box", "PROMPT_CANDIDATE_LATE", 2, 5)] }],
  [observer, { type: "drawOnBoard", questionId: Q(1), elements: [boardText("box", "observer drawing", 9)] }],
  // The call: members join, change what they send, leave; the owner lets observers speak and silences them.
  ...everyone.flatMap((actor): Array<[Actor, Command]> => [
    [actor, { type: "joinCall", connectionId: callTab(actor), media: { audio: actor.role !== "OBSERVER", video: false } }],
    [actor, { type: "setCallMedia", connectionId: callTab(actor), video: true, screen: actor.role === "CANDIDATE" }],
    [actor, { type: "leaveCall", connectionId: callTab(actor) }],
  ]),
  [interviewer, { type: "setCallPolicy", observersMaySpeak: true }],
  [observer, { type: "setCallMedia", connectionId: callTab(observer), audio: true }],
  [interviewer, { type: "setCallPolicy", observersMaySpeak: false }],
  [candidate, { type: "joinCall", connectionId: "tab_candidate_second", media: { audio: true, video: true } }],
  [interviewer, { type: "removeParticipant", userId: observer.userId }],
  [interviewer, { type: "end" }],
];

/** Runs the picked steps from an empty room: every state along the way, and the events between them. */
export function history(picks: number[]): { states: RoomState[]; events: RoomEvent[] } {
  return historyOf(picks.map((pick) => steps[pick]!));
}

/** Runs the given commands from an empty room, as `history` does with picks. */
export function historyOf(commands: ReadonlyArray<[Actor, Command]>): { states: RoomState[]; events: RoomEvent[] } {
  const states = [emptyRoom()];
  const events: RoomEvent[] = [];
  const ids = idSource();
  commands.forEach(([actor, command], i) => {
    const decision = decide(states.at(-1)!, actor, command, at(i * 7), ids);
    if (!decision.ok) return;
    for (const event of decision.events) {
      events.push(event);
      states.push(apply(states.at(-1)!, event));
    }
  });
  return { states, events };
}

/**
 * Every step in an order a real session could take: the interview runs, ends, then is scored, submitted,
 * amended and released, and the candidate rates themselves; the observer is removed last.
 */
export function completeSessionPicks(): number[] {
  const firstSubmit = steps.findIndex(([, command]) => command.type === "submitScorecard");
  const phase = (i: number): number => {
    const type = steps[i]![1].type;
    if (type === "removeParticipant") return 3;
    if (type === "end") return 1;
    return i >= firstSubmit && type !== "checkpointScratchpad" ? 2 : 0;
  };
  return steps.map((_, i) => i).sort((a, b) => phase(a) - phase(b) || a - b);
}

/**
 * Sessions for property tests, as picks into `steps`: mostly a complete session (everyone joins, the
 * interview starts and ends) with random other steps left out, so that reveals, notes, scoring and releases
 * really happen; sometimes random steps in any order. Random steps alone almost never start the
 * interview: nearly all of them are refused before a join.
 */
export const sessionPicks: fc.Arbitrary<number[]> = (() => {
  const order = completeSessionPicks();
  const essential = new Set(order.filter((i) => ["join", "start", "end"].includes(steps[i]![1].type)));
  const optional = order.filter((i) => !essential.has(i));
  return fc.oneof(
    { weight: 3, arbitrary: fc.subarray(optional).map((kept) => order.filter((i) => essential.has(i) || kept.includes(i))) },
    { weight: 1, arbitrary: fc.array(fc.nat({ max: steps.length - 1 }), { minLength: 1, maxLength: 60 }) },
  );
})();
