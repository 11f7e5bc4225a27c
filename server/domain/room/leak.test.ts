/**
 * Runs a whole interview in which every interviewer-only field holds a marker containing `SECRET`, and
 * checks after every step that nothing the candidate receives (views, projected events, error messages)
 * carries such a marker, an unrevealed follow-up, or a question not yet asked, and that private notes
 * stay with the people allowed to read them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apply } from "./apply";
import type { Command } from "./commands";
import { decide } from "./decide";
import { eventForViewer } from "./event-for-viewer";
import type { RoomEvent } from "./events";
import type { Actor } from "./policy";
import type { RoomState } from "./room-state";
import { at, boardText, candidate, coInterviewer, emptyRoom, everyone, idSource, interviewer, observer } from "./test-fixtures";
import { viewFor } from "./view-for";

type Step = [Actor, Command, number];

const Q = (n: number) => `question_${n}_id`;
const F = (q: number, f: number) => `followup_${q}_${f}_id`;

const interviewerNote = "SECRET_NOTE_BY_INTERVIEWER";
const observerNote = "SECRET_NOTE_BY_OBSERVER";

const flow: Step[] = [
  ...everyone.map((actor): Step => [actor, { type: "join", name: `Name of ${actor.userId}` }, 0]),
  ...everyone.map((actor): Step => [actor, { type: "setPresence", status: "connected" }, 0]),
  [interviewer, { type: "addNote", body: "SECRET_NOTE_IN_LOBBY" }, 0],
  [interviewer, { type: "start" }, 1],
  [interviewer, { type: "revealFollowUp", questionId: Q(1), followUpId: F(1, 2) }, 10],
  [coInterviewer, { type: "revealFollowUp", questionId: Q(1), followUpId: F(1, 2) }, 11],
  [interviewer, { type: "setKeyPointChecked", questionId: Q(1), index: 0, checked: true }, 12],
  [interviewer, { type: "addNote", body: interviewerNote }, 13],
  [observer, { type: "addNote", body: observerNote }, 14],
  [interviewer, { type: "editNote", noteId: "note_1", body: `${interviewerNote}_EDITED` }, 15],
  [observer, { type: "editNote", noteId: "note_3", body: `${observerNote}_EDITED` }, 16],
  [candidate, { type: "checkpointScratchpad", questionId: Q(1), text: "CANDIDATE_SCRATCH_ONE", revision: 1 }, 20],
  [interviewer, { type: "drawOnBoard", questionId: Q(1), elements: [boardText("box", "INTERVIEWER_DRAWING", 1)] }, 20],
  [candidate, { type: "setPresence", status: "away" }, 21],
  [interviewer, { type: "rateCriterion", questionId: Q(1), criterion: 0, rating: 3, comment: "SECRET_INTERVIEWER_RATING", evidence: [] }, 30],
  [observer, { type: "addNote", body: "SECRET_OBSERVER_EVIDENCE" }, 31],
  [observer, { type: "rateCriterion", questionId: Q(1), criterion: 0, rating: 1, comment: "SECRET_OBSERVER_RATING", evidence: ["note_4"] }, 31],
  [coInterviewer, { type: "rateCriterion", questionId: Q(1), criterion: 1, rating: 2, comment: "SECRET_COINTERVIEWER_RATING", evidence: [] }, 32],
  [interviewer, { type: "nextQuestion", fromQuestionId: Q(1) }, 60],
  [interviewer, { type: "nextQuestion", fromQuestionId: Q(1) }, 61],
  [interviewer, { type: "revealFollowUp", questionId: Q(2), followUpId: F(2, 3) }, 70],
  [interviewer, { type: "deleteNote", noteId: "note_1" }, 75],
  [coInterviewer, { type: "addNote", body: "SECRET_NOTE_BY_COINTERVIEWER" }, 76],
  [candidate, { type: "checkpointScratchpad", questionId: Q(2), text: "CANDIDATE_SCRATCH_TWO", revision: 1 }, 80],
  [interviewer, { type: "goToQuestion", questionId: Q(1) }, 100],
  [interviewer, { type: "revealFollowUp", questionId: Q(1), followUpId: F(1, 1) }, 110],
  [interviewer, { type: "setKeyPointChecked", questionId: Q(1), index: 1, checked: true }, 111],
  [interviewer, { type: "nextQuestion", fromQuestionId: Q(1) }, 120],
  [observer, { type: "deleteNote", noteId: "note_3" }, 130],
  [interviewer, { type: "end" }, 200],
  [interviewer, { type: "rateCriterion", questionId: Q(1), criterion: 1, rating: 3, comment: "", evidence: [] }, 201],
  [interviewer, { type: "rateCriterion", questionId: Q(2), criterion: 0, rating: 2, comment: "", evidence: [] }, 202],
  [interviewer, { type: "rateCriterion", questionId: Q(2), criterion: 1, rating: "no_evidence", comment: "", evidence: [] }, 203],
  [interviewer, { type: "setQuestionOverall", questionId: Q(1), overall: 6, comment: "SECRET_SCORE_COMMENT" }, 204],
  [
    interviewer,
    { type: "setSummary", recommendation: "yes", takeaways: "SECRET_TAKEAWAYS", strengths: "SECRET_STRENGTHS", improvements: "SECRET_IMPROVEMENTS" },
    205,
  ],
  [interviewer, { type: "draftFeedback", text: "SECRET_FEEDBACK_DRAFT" }, 206],
  [interviewer, { type: "submitScorecard" }, 207],
  [interviewer, { type: "releaseFeedback", text: "RELEASED_FEEDBACK_TEXT", includeScores: false }, 208],
  [observer, { type: "rateCriterion", questionId: Q(1), criterion: 1, rating: 2, comment: "", evidence: [] }, 209],
  [observer, { type: "rateCriterion", questionId: Q(2), criterion: 0, rating: 2, comment: "", evidence: [] }, 210],
  [observer, { type: "rateCriterion", questionId: Q(2), criterion: 1, rating: 4, comment: "", evidence: [] }, 211],
  [observer, { type: "submitScorecard" }, 212],
  [
    interviewer,
    { type: "rateCriterion", questionId: Q(1), criterion: 0, rating: 4, comment: "SECRET_AMENDED", evidence: [], amendmentReason: "SECRET_AMENDMENT_REASON" },
    213,
  ],
  [observer, { type: "addNote", body: "SECRET_NOTE_AFTER_END" }, 220],
];

/** Commands a curious candidate might try at any point; each must be refused without revealing anything. */
const probes: Command[] = [
  { type: "revealFollowUp", questionId: Q(1), followUpId: F(1, 3) },
  { type: "revealFollowUp", questionId: Q(3), followUpId: F(3, 1) },
  { type: "goToQuestion", questionId: Q(4) },
  { type: "editNote", noteId: "note_1", body: "x" },
  { type: "deleteNote", noteId: "note_3" },
  { type: "rateCriterion", questionId: Q(1), criterion: 0, rating: 1, comment: "", evidence: [] },
  { type: "setQuestionOverall", questionId: Q(1), overall: 1, comment: "" },
  { type: "submitScorecard" },
  { type: "draftFeedback", text: "x" },
  { type: "releaseFeedback", text: "x", includeScores: true },
  { type: "setCompetencyWeights", weights: [] },
  { type: "finishSelfAssessment", ratings: [] },
  { type: "setKeyPointChecked", questionId: Q(1), index: 0, checked: false },
  { type: "addNote", body: "x" },
  { type: "checkpointScratchpad", questionId: Q(4), text: "x", revision: 1 },
];

function unrevealedOrUnasked(state: RoomState): string[] {
  const hidden: string[] = [];
  for (const question of state.questions) {
    if (!state.visitedQuestionIds.includes(question.id)) {
      // A coding question's starter code and tests too, and a starting diagram: the candidate's only once it is asked.
      hidden.push(question.id, question.prompt, ...(question.code ? [question.code.starterCode, ...question.code.tests.map((test) => test.name)] : []));
      hidden.push(...(question.board ?? []).flatMap((element) => (element.type === "text" ? [element.text] : [])));
    }
    for (const followUp of question.followUps) {
      if (!state.reveals.some((reveal) => reveal.followUpId === followUp.id)) hidden.push(followUp.id, followUp.prompt);
    }
  }
  return hidden;
}

function assertCandidateSafe(json: string, state: RoomState, what: string): void {
  expect(json, what).not.toContain("SECRET");
  for (const marker of unrevealedOrUnasked(state)) expect(json, `${what} leaks ${marker}`).not.toContain(marker);
}

describe("no leaks across a whole interview", () => {
  // Four questions so that two are never asked.
  let state = emptyRoom(4);
  const log: RoomEvent[] = [];
  const received = new Map<string, string[]>();
  const views = new Map<string, string[]>();
  const steps: Array<{ state: RoomState; candidateView: string; candidateEvents: string[]; now: Date }> = [];

  // The interview is played in beforeAll rather than while the tests are collected, so that the code
  // under test runs while they do (mutation testing switches a mutant on only then).
  beforeAll(() => {
    state = emptyRoom(4);
    log.length = 0;
    steps.length = 0;
    for (const actor of everyone) {
      received.set(actor.userId, []);
      views.set(actor.userId, []);
    }
    const ids = idSource();
    for (const [index, [actor, command, seconds]] of flow.entries()) {
      const now = at(seconds);
      const decision = decide(state, actor, command, now, ids);
      if (!decision.ok) throw new Error(`step ${index} (${command.type}) refused: ${decision.error.message}`);
      for (const event of decision.events) {
        log.push(event);
        state = apply(state, event);
        for (const viewer of everyone) {
          const projected = eventForViewer(event, state, viewer);
          if (projected) received.get(viewer.userId)?.push(JSON.stringify(projected));
        }
      }
      for (const viewer of everyone) views.get(viewer.userId)?.push(JSON.stringify(viewFor(state, viewer, now)));
      steps.push({ state, candidateView: views.get(candidate.userId)?.at(-1) ?? "", candidateEvents: [...(received.get(candidate.userId) ?? [])], now });
    }
  });

  for (const [index, [actor, command]] of flow.entries()) {
    it(`step ${index} (${actor.role} ${command.type}): the candidate's view, events and refusals hide everything unrevealed`, () => {
      const step = steps[index];
      if (!step) throw new Error(`step ${index} did not run`);
      assertCandidateSafe(step.candidateView, step.state, "view");
      for (const event of step.candidateEvents) assertCandidateSafe(event, step.state, "event");
      for (const probe of probes) {
        const refused = decide(step.state, candidate, probe, step.now, () => "probe");
        expect(refused.ok).toBe(false);
        assertCandidateSafe(JSON.stringify(refused), step.state, `refusal of ${probe.type}`);
      }
    });
  }

  it("the candidate did see every revealed follow-up and asked question", () => {
    const everything = [...(views.get(candidate.userId) ?? []), ...(received.get(candidate.userId) ?? [])].join("\n");
    const finalView = views.get(candidate.userId)?.at(-1) ?? "";
    for (const prompt of ["PROMPT_Q1_F2_FOLLOWUP", "PROMPT_Q2_F3_FOLLOWUP", "PROMPT_Q1_F1_FOLLOWUP", "PROMPT_Q1_MAIN", "PROMPT_Q2_MAIN"]) {
      expect(everything).toContain(prompt);
      expect(finalView).toContain(prompt);
    }
    expect(finalView).toContain("CANDIDATE_SCRATCH_ONE");
    expect(finalView).toContain("CANDIDATE_SCRATCH_TWO");
    expect(finalView).toContain("INTERVIEWER_DRAWING");
    expect(finalView).toContain("PROMPT_Q2_BOARD_START");
    expect(finalView).not.toContain("PROMPT_Q1_F3_FOLLOWUP");
    expect(finalView).not.toContain("PROMPT_Q3_MAIN");
  });

  it("replaying the log with the final state projects every event as it went out live, scoring as it is now", () => {
    const scoring = new Set(["scoringUpdated", "feedbackUpdated"]);
    const live = (viewer: Actor) => (received.get(viewer.userId) ?? []).filter((event) => !scoring.has(JSON.parse(event).type as string));
    for (const viewer of everyone) {
      const replayed = log.flatMap((event) => {
        const projected = eventForViewer(event, state, viewer);
        return projected && !scoring.has(projected.type) ? [JSON.stringify(projected)] : [];
      });
      expect(replayed).toEqual(live(viewer));
    }
  });

  it("keeps scorers blind: another's card reaches a scorer only after they submit their own", () => {
    const everythingOf = (viewer: Actor, upTo = flow.length) =>
      [...(views.get(viewer.userId) ?? []).slice(0, upTo), ...(received.get(viewer.userId) ?? [])].join("\n");
    // The co-interviewer never submits: no one else's rating, comment, summary or amendment ever reaches them.
    const co = everythingOf(coInterviewer);
    for (const marker of [
      "SECRET_INTERVIEWER_RATING",
      "SECRET_OBSERVER_RATING",
      "SECRET_SCORE_COMMENT",
      "SECRET_TAKEAWAYS",
      "SECRET_AMENDMENT_REASON",
      "SECRET_AMENDED",
    ]) {
      expect(co).not.toContain(marker);
    }
    expect(co).toContain("SECRET_COINTERVIEWER_RATING");
    // The observer submits at step `observerSubmits`: before it, nothing of the interviewer's card; after, all of it.
    const observerSubmits = flow.findIndex(([actor, command]) => actor === observer && command.type === "submitScorecard");
    const beforeSubmitting = (views.get(observer.userId) ?? []).slice(0, observerSubmits).join("\n");
    expect(beforeSubmitting).not.toContain("SECRET_INTERVIEWER_RATING");
    expect(beforeSubmitting).not.toContain("SECRET_SCORE_COMMENT");
    const observerFinal = views.get(observer.userId)?.at(-1) ?? "";
    for (const marker of ["SECRET_SCORE_COMMENT", "SECRET_TAKEAWAYS", "SECRET_AMENDED", "SECRET_AMENDMENT_REASON"]) expect(observerFinal).toContain(marker);
    // The interviewer, submitted first, sees the observer's card (with its cited note) once it is submitted, and not the co-interviewer's draft.
    const interviewerFinal = views.get(interviewer.userId)?.at(-1) ?? "";
    expect(interviewerFinal).toContain("SECRET_OBSERVER_RATING");
    expect(interviewerFinal).toContain("SECRET_OBSERVER_EVIDENCE");
    expect(interviewerFinal).not.toContain("SECRET_COINTERVIEWER_RATING");
  });

  it("gives the candidate the released feedback and nothing of the draft", () => {
    const finalView = views.get(candidate.userId)?.at(-1) ?? "";
    expect(finalView).toContain("RELEASED_FEEDBACK_TEXT");
    expect((received.get(candidate.userId) ?? []).join("\n")).toContain("RELEASED_FEEDBACK_TEXT");
  });

  it("the duplicate reveal from a second tab produced one reveal", () => {
    expect(state.reveals.filter((reveal) => reveal.followUpId === F(1, 2))).toHaveLength(1);
    const revealEvents = (received.get(candidate.userId) ?? []).filter((event) => event.includes(F(1, 2)) && event.includes("followUpRevealed"));
    expect(revealEvents).toHaveLength(1);
  });

  it("interviewers never receive an observer's notes, and observers never receive interviewers' notes", () => {
    for (const viewer of [interviewer, coInterviewer]) {
      const all = [...(views.get(viewer.userId) ?? []), ...(received.get(viewer.userId) ?? [])].join("\n");
      expect(all).not.toContain(observerNote);
      expect(all).not.toContain("SECRET_NOTE_AFTER_END");
      expect(all).toContain(interviewerNote);
    }
    const observed = [...(views.get(observer.userId) ?? []), ...(received.get(observer.userId) ?? [])].join("\n");
    expect(observed).not.toContain("SECRET_NOTE_BY_INTERVIEWER");
    expect(observed).not.toContain("SECRET_NOTE_BY_COINTERVIEWER");
    expect(observed).not.toContain("SECRET_NOTE_IN_LOBBY");
    expect(observed).toContain(observerNote);
  });

  it("deleted notes leave no body in the state or in anyone's final view", () => {
    expect(JSON.stringify(state.notes)).not.toContain(`${interviewerNote}_EDITED`);
    for (const viewer of everyone) {
      const finalView = views.get(viewer.userId)?.at(-1) ?? "";
      expect(finalView).not.toContain(`${interviewerNote}_EDITED`);
      expect(finalView).not.toContain(`${observerNote}_EDITED`);
    }
  });

  it("timers come out of server instants only", () => {
    const final = viewFor(state, interviewer, at(10_000));
    expect(final.clock).toEqual({ startedAt: at(1).toISOString(), endedAt: at(200).toISOString(), elapsedMs: 199_000 });
    // q1: 1 -> 60 and 100 -> 120; q2: 60 -> 100 and 120 -> 200.
    expect(final.questions.map((question) => question.timer.elapsedMs)).toEqual([79_000, 120_000, 0, 0]);
  });
});
