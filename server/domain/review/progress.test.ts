import { describe, expect, it } from "vitest";
import { candidate, coInterviewer, history, completeSessionPicks, interviewer, liveRoom, observer, rated, releasedRoom, run } from "../room/test-fixtures";
import type { RoomState } from "../room/room-state";
import { viewFor, type CandidateView, type StaffView } from "../room/view-for";
import { calibration, candidateProgress, questionSources } from "./progress";

const session = <V>(sessionId: string, date: string, view: V) => ({ sessionId, title: `Session ${sessionId}`, date, view });

function selfAssessed(state: RoomState): RoomState {
  return run(state, candidate, { type: "finishSelfAssessment", ratings: [] }).state;
}

describe("candidateProgress", () => {
  it("charts only the scores the candidate may see: released and after their self-assessment", () => {
    const released = releasedRoom();
    const pending = viewFor(released, candidate);
    const shown = viewFor(selfAssessed(released), candidate);
    const progress = candidateProgress(
      [session("b", "2026-02-01T00:00:00.000Z", shown), session("a", "2026-01-01T00:00:00.000Z", pending)],
      questionSources(released, candidate),
    );
    expect(progress.sessions.map((entry) => entry.sessionId)).toEqual(["b"]);
    expect(progress.withoutScores).toBe(1);
    expect(progress.sessions[0]!.overall).toBe(3);
    expect(progress.competencies.map((competency) => [competency.title, competency.sessions, competency.mean])).toEqual([
      ["SECRET_Q1_RUBRIC_A", 1, 3],
      ["SECRET_Q1_RUBRIC_B", 1, 3],
    ]);
  });

  it("counts coverage from asked questions only, and shows a candidate none until the interview ended", () => {
    const live = liveRoom();
    expect(questionSources(live, candidate)).toEqual([]);
    expect(questionSources(live, interviewer)).toHaveLength(1);
    const ended = run(live, interviewer, { type: "end" }).state;
    const sources = questionSources(ended, candidate);
    expect(sources).toEqual([{ sessionId: "session_1", document: null, topic: "SECRET_Q1_SECTION" }]);
    const progress = candidateProgress([session("session_1", "2026-01-01T00:00:00.000Z", viewFor(ended, candidate) as CandidateView)], sources);
    expect(progress.coverage.topics).toEqual([{ title: "SECRET_Q1_SECTION", questions: 1, sessions: 1 }]);
    expect(progress.coverage.documents).toEqual([]);
  });
});

describe("calibration", () => {
  it("compares the viewer's levels with the other submitted cards on the same criteria", () => {
    // Owner rates both criteria 3; the co-interviewer 1 and 4: differences +2 and -1.
    let state = rated(rated(liveRoom(), interviewer, [3, 3]), coInterviewer, [1, 4]);
    state = run(state, interviewer, { type: "end" }).state;
    state = run(state, interviewer, { type: "submitScorecard" }).state;
    state = run(state, coInterviewer, { type: "submitScorecard" }).state;
    const result = calibration([session("s", "2026-01-01T00:00:00.000Z", viewFor(state, interviewer) as StaffView)]);
    expect(result.overall).toEqual({ pairs: 2, meanDifference: 0.5, exact: 0, adjacent: 0.5 });
    expect(result.competencies.map((competency) => [competency.title, competency.meanDifference])).toEqual([
      ["SECRET_Q1_RUBRIC_A", 2],
      ["SECRET_Q1_RUBRIC_B", -1],
    ]);
    expect(result.sessions).toEqual([{ sessionId: "s", title: "Session s", date: "2026-01-01T00:00:00.000Z", pairs: 2, meanDifference: 0.5 }]);
  });

  it("has nothing to compare before the viewer submits (the blind rule), and ignores 'no evidence'", () => {
    let state = rated(rated(liveRoom(), observer, [3, "no_evidence"]), coInterviewer, [1, 4]);
    state = run(state, interviewer, { type: "end" }).state;
    state = run(state, coInterviewer, { type: "submitScorecard" }).state;
    const before = calibration([session("s", "2026-01-01T00:00:00.000Z", viewFor(state, observer) as StaffView)]);
    expect(before.overall.pairs).toBe(0);
    state = run(state, observer, { type: "submitScorecard" }).state;
    const after = calibration([session("s", "2026-01-01T00:00:00.000Z", viewFor(state, observer) as StaffView)]);
    expect(after.overall).toMatchObject({ pairs: 1, meanDifference: 2 });
  });

  it("works on a whole generated session for every scorer without throwing", () => {
    const ended = history(completeSessionPicks()).states.at(-1)!;
    for (const scorer of [interviewer, coInterviewer]) {
      const result = calibration([session("s", "2026-01-01T00:00:00.000Z", viewFor(ended, scorer) as StaffView)]);
      expect(result.overall.pairs).toBeGreaterThan(0);
    }
  });
});
