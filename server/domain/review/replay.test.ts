import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canSeeReleasedFeedback, type Actor } from "../room/policy";
import type { RoomEvent } from "../room/events";
import type { RoomState } from "../room/room-state";
import { at, candidate, completeSessionPicks, everyone, history, interviewer, observer, sessionPicks, steps } from "../room/test-fixtures";
import { viewFor } from "../room/view-for";
import { replayFor, replayFrames, type LoggedEvent, type Perspective } from "./replay";

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
