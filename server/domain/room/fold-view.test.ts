import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply } from "./apply";
import type { Command } from "./commands";
import { decide } from "./decide";
import { eventForViewer } from "./event-for-viewer";
import { catchUp, foldScratchpadEdit, foldView } from "./fold-view";
import type { Actor } from "./policy";
import type { RoomState } from "./room-state";
import { at, candidate, coInterviewer, emptyRoom, everyone, idSource, interviewer, joinedRoom, liveRoom, observer, run, scorers } from "./test-fixtures";
import type { RoomEvent } from "./events";
import { scratchpadsFor, viewFor } from "./view-for";

const Q = (n: number) => `question_${n}_id`;
const F = (q: number, f: number) => `followup_${q}_${f}_id`;
const note = (n: number) => `note_${n}`;

/** Every kind of command, by every kind of member, aimed at things that exist and things that do not. */
const steps: Array<[Actor, Command]> = [
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
  [interviewer, { type: "setCompetencyWeights", weights: [{ competency: "SECRET_Q1_RUBRIC_A", weight: 3 }] }],
  [interviewer, { type: "draftFeedback", text: "draft" }],
  [interviewer, { type: "releaseFeedback", text: "released", includeScores: true }],
  [candidate, { type: "finishSelfAssessment", ratings: [{ questionId: Q(1), criterion: 0, level: 2 }] }],
  [candidate, { type: "checkpointScratchpad", questionId: Q(1), text: "first draft", revision: 1 }],
  [candidate, { type: "checkpointScratchpad", questionId: Q(2), text: "second draft", revision: 1 }],
  [interviewer, { type: "removeParticipant", userId: observer.userId }],
  [interviewer, { type: "end" }],
];

/** Views without a server time, so that elapsed times (left to the client's clock) compare equal. */
function viewsOf(state: RoomState) {
  return everyone.map((viewer) => viewFor(state, viewer));
}

describe("foldView", () => {
  it("turns a viewer's view into the view after any event, for every role, as viewFor(apply(...)) would", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(steps.length - 1), { minLength: 1, maxLength: 60 }), (picks) => {
        let state = emptyRoom();
        const ids = idSource();
        let views = viewsOf(state);
        picks.forEach((pick, i) => {
          const [actor, command] = steps[pick]!;
          const decision = decide(state, actor, command, at(i * 7), ids);
          if (!decision.ok) return;
          for (const event of decision.events) {
            state = apply(state, event);
            views = views.map((view, v) => {
              const viewer = everyone[v]!;
              // As the server publishes it: projected with the state after the event.
              const projected = eventForViewer(event, state, viewer);
              return projected ? foldView(view, projected) : view;
            });
            expect(views).toEqual(viewsOf(state));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("has teeth: a fold that drops an event disagrees with the server", () => {
    const state = joinedRoom();
    const view = viewFor(state, candidate);
    const { state: after, events } = run(state, interviewer, { type: "start" }, at(1));
    expect(view).not.toEqual(viewFor(after, candidate));
    expect(foldView(view, eventForViewer(events[0]!, after, candidate)!)).toEqual(viewFor(after, candidate));
  });
});

/** Runs the picked steps from an empty room: every state along the way, and the events between them. */
function history(picks: number[]): { states: RoomState[]; events: RoomEvent[] } {
  const states = [emptyRoom()];
  const events: RoomEvent[] = [];
  const ids = idSource();
  picks.forEach((pick, i) => {
    const [actor, command] = steps[pick]!;
    const decision = decide(states.at(-1)!, actor, command, at(i * 7), ids);
    if (!decision.ok) return;
    for (const event of decision.events) {
      events.push(event);
      states.push(apply(states.at(-1)!, event));
    }
  });
  return { states, events };
}

/** The room as members are shown it: a live edit of the first asked question that no event logged yet. */
function withLiveDraft(state: RoomState): RoomState {
  const questionId = state.visitedQuestionIds[0];
  if (!questionId) return state;
  const revision = (state.scratchpads[questionId]?.revision ?? 0) + 1;
  return {
    ...state,
    scratchpads: { ...state.scratchpads, [questionId]: { text: `draft ${revision}`, updatedAt: at(999).toISOString(), revision, language: "python" } },
  };
}

describe("catchUp", () => {
  it("brings a view taken at any point of the log to the fresh view, for every role: the events since, then the scratchpads as they are", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(steps.length - 1), { minLength: 1, maxLength: 60 }), fc.nat(), fc.boolean(), (picks, cutPick, liveDraft) => {
        const { states, events } = history(picks);
        const cut = cutPick % states.length;
        const latest = liveDraft ? withLiveDraft(states.at(-1)!) : states.at(-1)!;
        for (const viewer of everyone) {
          // As the server sends them: projected with the room's latest state, the ones the viewer may see.
          const missed = events.slice(cut).flatMap((event) => eventForViewer(event, latest, viewer) ?? []);
          expect(catchUp(viewFor(states[cut]!, viewer), missed, scratchpadsFor(latest, viewer))).toEqual(viewFor(latest, viewer));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("has teeth: without the scratchpads as they are, a live edit is missed", () => {
    const state = liveRoom();
    const latest = withLiveDraft(state);
    for (const viewer of everyone) {
      expect(catchUp(viewFor(state, viewer), [], {})).not.toEqual(viewFor(latest, viewer));
      expect(catchUp(viewFor(state, viewer), [], scratchpadsFor(latest, viewer))).toEqual(viewFor(latest, viewer));
    }
  });
});

describe("foldScratchpadEdit", () => {
  it("applies a live edit to every role's view at the revision before it, and refuses one out of step", () => {
    const state = liveRoom();
    const edit = { questionId: "question_1_id", revision: 1, changes: [{ from: 0, to: 0, insert: "def f():" }], updatedAt: at(2).toISOString() };
    const checkpointed = apply(state, {
      type: "scratchpadUpdated",
      payload: { questionId: "question_1_id", text: "def f():", updatedAt: at(2).toISOString(), revision: 1 },
    });
    for (const viewer of everyone) {
      expect(foldScratchpadEdit(viewFor(state, viewer), edit)).toEqual(viewFor(checkpointed, viewer));
      expect(foldScratchpadEdit(viewFor(state, viewer), { ...edit, revision: 2 })).toBeNull();
      expect(foldScratchpadEdit(viewFor(state, viewer), { ...edit, changes: [{ from: 3, to: 9, insert: "" }] })).toBeNull();
    }
  });
});
