import { ChangeSet } from "@codemirror/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply } from "./apply";
import { decide } from "./decide";
import { eventForViewer } from "./event-for-viewer";
import { catchUp, foldScratchpadEdit, foldView } from "./fold-view";
import { initialPad } from "./scratchpad";
import type { RoomState } from "./room-state";
import { at, candidate, emptyRoom, everyone, history, idSource, interviewer, joinedRoom, liveRoom, run, sessionPicks, steps } from "./test-fixtures";
import { scratchpadsFor, viewFor } from "./view-for";

/** Whole generated sessions, a hundred runs each: seconds on a loaded machine, so more than the default 5. */
const PROPERTY_TIMEOUT_MS = 30_000;

/** Views without a server time, so that elapsed times (left to the client's clock) compare equal. */
function viewsOf(state: RoomState) {
  return everyone.map((viewer) => viewFor(state, viewer));
}

describe("foldView", () => {
  it(
    "turns a viewer's view into the view after any event, for every role, as viewFor(apply(...)) would",
    () => {
      fc.assert(
        fc.property(sessionPicks, (picks) => {
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
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("has teeth: a fold that drops an event disagrees with the server", () => {
    const state = joinedRoom();
    const view = viewFor(state, candidate);
    const { state: after, events } = run(state, interviewer, { type: "start" }, at(1));
    expect(view).not.toEqual(viewFor(after, candidate));
    expect(foldView(view, eventForViewer(events[0]!, after, candidate)!)).toEqual(viewFor(after, candidate));
  });

  it("leaves every role's view as it is for an event kind it does not know (a newer server's), as the server's switches would not", () => {
    const state = liveRoom();
    const unknown = { type: "fromANewerServer", payload: {} } as unknown as Parameters<typeof foldView>[1];
    for (const view of viewsOf(state)) expect(foldView(view, unknown)).toEqual(view);
    expect(() => apply(state, unknown as unknown as Parameters<typeof apply>[1])).toThrow("Unhandled case");
  });
});

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
  it(
    "brings a view taken at any point of the log to the fresh view, for every role: the events since, then the scratchpads as they are",
    () => {
      fc.assert(
        fc.property(sessionPicks, fc.nat(), fc.boolean(), (picks, cutPick, liveDraft) => {
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
    },
    PROPERTY_TIMEOUT_MS,
  );

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
  it("applies accepted pad updates to every role's view at the revision before them, and refuses them out of step", () => {
    const state = liveRoom();
    // Nobody typed yet: the first update was made on the question's starter code, as every editor starts it.
    const starter = initialPad(state.questions[0]!.code).text;
    expect(starter).not.toBe("");
    const changes = ChangeSet.of({ from: starter.length, insert: "def f():" }, starter.length).toJSON();
    const edit = { questionId: "question_1_id", revision: 1, updates: [{ changes }], updatedAt: at(2).toISOString(), language: "python" as const };
    const checkpointed = apply(state, {
      type: "scratchpadUpdated",
      payload: { questionId: "question_1_id", text: `${starter}def f():`, updatedAt: at(2).toISOString(), revision: 1, language: "python" },
    });
    for (const viewer of everyone) {
      expect(foldScratchpadEdit(viewFor(state, viewer), edit)).toEqual(viewFor(checkpointed, viewer));
      expect(foldScratchpadEdit(viewFor(state, viewer), { ...edit, revision: 2 })).toBeNull();
      expect(foldScratchpadEdit(viewFor(state, viewer), { ...edit, updates: [{ changes: ChangeSet.of({ from: 3, to: 9 }, 9).toJSON() }] })).toBeNull();
    }
  });
});
