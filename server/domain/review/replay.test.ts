import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canSeeReleasedFeedback, type Actor } from "../room/policy";
import type { Command } from "../room/commands";
import type { RoomEvent } from "../room/events";
import { boardFor, currentQuestion, type RoomState } from "../room/room-state";
import { at, candidate, completeSessionPicks, everyone, history, historyOf, interviewer, observer, sessionPicks, steps } from "../room/test-fixtures";
import { viewFor } from "../room/view-for";
import { boardToSvg } from "../board/board-svg";
import { rectangle } from "../board/test-elements";
import { frameQuestion, replayFor, replayFrames, type LoggedEvent, type Perspective } from "./replay";

/** Whole generated sessions, a hundred runs each: seconds on a loaded machine, so more than the default 5. */
const PROPERTY_TIMEOUT_MS = 30_000;

function logOf(events: RoomEvent[]): LoggedEvent[] {
  return events.map((event, i) => ({ seq: i + 1, at: at(i * 7).toISOString(), event }));
}

/** Frame by frame, the replay against the live room: after event n, the frame that folded every step up to n. */
function expectReplayMatchesLive(states: RoomState[], log: LoggedEvent[], viewer: Actor, perspective: Perspective): void {
  const replay = replayFor(states[0]!, log, viewer, perspective);
  const frames = replayFrames(replay);
  const eyes = replay.initial.viewer;
  const hidesFeedback = perspective === "candidate" && viewer.role !== "CANDIDATE" && !canSeeReleasedFeedback(viewer, states.at(-1)!);
  log.forEach((logged, n) => {
    const shown = replay.steps.filter((step) => step.seq <= logged.seq).length;
    const live = viewFor(states[n + 1]!, eyes);
    expect(frames[shown]).toEqual(hidesFeedback && live.role === "CANDIDATE" ? { ...live, feedback: null } : live);
  });
}

/**
 * Drawing by any member (observers are refused) on any question, asked or not: elements added, moved,
 * deleted, and pushes older than what is on the board, as concurrent members send them.
 */
const drawing: fc.Arbitrary<[Actor, Command]> = fc
  .record({
    actor: fc.constantFrom(...everyone),
    question: fc.constantFrom(1, 1, 2, 3),
    elements: fc.array(
      fc.record({
        id: fc.constantFrom("a", "b", "c", "d"),
        version: fc.integer({ min: 1, max: 6 }),
        versionNonce: fc.integer({ min: 0, max: 3 }),
        x: fc.integer({ min: -200, max: 800 }),
        isDeleted: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ actor, question, elements }) => [
    actor,
    { type: "drawOnBoard", questionId: `question_${question}_id`, elements: elements.map((fields) => rectangle({ ...fields, index: `a${fields.id}` })) },
  ]);

/** Generated sessions with drawing slipped in among their steps: mostly while the interview runs, some anywhere. */
const drawingSessions = fc.tuple(sessionPicks, fc.array(fc.tuple(fc.nat(3), fc.nat(), drawing), { minLength: 1, maxLength: 30 })).map(([picks, drawings]) => {
  const commands = picks.map((pick) => steps[pick]!);
  for (const [where, place, command] of drawings) {
    const anywhere = where === 0;
    const start = commands.findIndex(([, step]) => step.type === "start");
    const end = commands.findIndex(([, step]) => step.type === "end");
    const [from, to] = anywhere || start < 0 || end < start ? [0, commands.length] : [start + 1, end];
    commands.splice(from + (place % (to - from + 1)), 0, command);
  }
  return commands;
});

describe("replay", () => {
  it(
    "shows, after any event of any generated session, the room exactly as the live room showed it, for every role and perspective",
    () => {
      fc.assert(
        fc.property(sessionPicks, (picks) => {
          const { states, events } = history(picks);
          const log = logOf(events);
          for (const viewer of everyone) {
            expectReplayMatchesLive(states, log, viewer, "own");
            expectReplayMatchesLive(states, log, viewer, "candidate");
          }
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "shows, after any event of any generated session with drawing, the whiteboard of the question then current exactly as the live room had it",
    () => {
      let drawn = 0;
      let drawnLater = 0;
      fc.assert(
        fc.property(drawingSessions, (commands) => {
          const { states, events } = historyOf(commands);
          const changes = events.filter((event) => event.type === "boardChanged");
          drawn += changes.length;
          drawnLater += changes.filter((event) => event.payload.questionId !== "question_1_id").length;
          const log = logOf(events);
          for (const viewer of everyone) {
            for (const perspective of ["own", "candidate"] as const) {
              const replay = replayFor(states[0]!, log, viewer, perspective);
              const frames = replayFrames(replay);
              const eyes = replay.initial.viewer;
              log.forEach((logged, n) => {
                const live = states[n + 1]!;
                const question = currentQuestion(live);
                // The candidate is shown a question's whiteboard only once it is asked.
                const shownLive = question && (eyes.role !== "CANDIDATE" || live.visitedQuestionIds.includes(question.id)) ? question : null;
                const replayed = frameQuestion(frames[replay.steps.filter((step) => step.seq <= logged.seq).length]!);
                expect(replayed?.id ?? null).toBe(shownLive?.id ?? null);
                if (!shownLive || !replayed) return;
                expect(replayed.board).toEqual(boardFor(live, shownLive));
                expect(boardToSvg(replayed.board)).toBe(boardToSvg(boardFor(live, shownLive)));
              });
            }
          }
        }),
        { numRuns: 100 },
      );
      // The generator draws, on the first question and on later ones: a run of refusals alone would prove nothing.
      // (About 200 changes in a hundred runs, 60 of them on later questions.)
      expect(drawn).toBeGreaterThan(100);
      expect(drawnLater).toBeGreaterThan(20);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("has teeth: a step dropped from the replay gives a frame the live room never showed", () => {
    const { states, events } = history(completeSessionPicks());
    const replay = replayFor(states[0]!, logOf(events), interviewer, "own");
    const reveal = replay.steps.findIndex((step) => step.type === "followUpRevealed");
    const broken = replayFrames({ ...replay, steps: replay.steps.filter((_, i) => i !== reveal) });
    expect(broken.at(-1)).not.toEqual(viewFor(states.at(-1)!, interviewer));
    expect(replayFrames(replay).at(-1)).toEqual(viewFor(states.at(-1)!, interviewer));
  });

  it("gives the candidate's replay nothing of the interviewer's material, and steps only for what they were shown", () => {
    const { states, events } = history(completeSessionPicks());
    const replay = replayFor(states[0]!, logOf(events), candidate, "candidate");
    expect(replay.perspective).toBe("candidate");
    // Released scores name their criteria; nothing else of the interviewer's material may appear.
    expect(JSON.stringify(replay)).not.toMatch(
      /SECRET_Q\d_(ANSWER|KEYPOINT|SECTION|REDFLAG|EXAMPLE|META|RUBRIC_._LOOKFOR|F\d)|observer note|interviewer note|"draft"/,
    );
    expect(JSON.stringify(replay)).toContain("released");
    expect(replay.steps.map((step) => step.type)).not.toContain("keyPointChecked");
    expect(replay.steps.length).toBeLessThan(events.length);
  });

  it("keeps the released feedback out of the candidate's perspective for a scorer who has not submitted (the blind rule)", () => {
    const picks = completeSessionPicks().filter((i) => !(steps[i]![0] === observer && steps[i]![1].type === "submitScorecard"));
    const { states, events } = history(picks);
    const asObserver = replayFor(states[0]!, logOf(events), observer, "candidate");
    const asOwner = replayFor(states[0]!, logOf(events), interviewer, "candidate");
    expect(asOwner.steps.some((step) => step.event.type === "feedbackUpdated")).toBe(true);
    expect(asObserver.steps.some((step) => step.event.type === "feedbackUpdated")).toBe(false);
    expect(JSON.stringify(asObserver)).not.toContain("released");
  });

  it("times each step from the start of the interview; lobby events come before it", () => {
    const { states, events } = history(completeSessionPicks());
    const replay = replayFor(states[0]!, logOf(events), interviewer, "own");
    const started = replay.steps.find((step) => step.type === "interviewStarted")!;
    expect(started.offsetMs).toBe(0);
    expect(replay.steps[0]!.offsetMs).toBeLessThan(0);
    expect(replay.steps.at(-1)!.offsetMs).toBeGreaterThan(0);
  });
});
