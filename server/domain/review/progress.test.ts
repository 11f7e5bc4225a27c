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
    expect(progress.competencies.map((competency) => [competency.key, competency.title, competency.sessions, competency.mean])).toEqual([
      ["communication", "Communication", 1, 3],
      ["system-design", "System design", 1, 3],
    ]);
  });

  it("counts a session for a competency only where one of its criteria was rated, not where all were 'no evidence'", () => {
    const released = (levels: Parameters<typeof rated>[2]) => {
      let state = run(rated(liveRoom(), interviewer, levels), interviewer, { type: "end" }).state;
      state = run(state, interviewer, { type: "submitScorecard" }).state;
      state = run(state, interviewer, { type: "releaseFeedback", text: "FEEDBACK_TEXT", includeScores: true }).state;
      return viewFor(selfAssessed(state), candidate) as CandidateView;
    };
    // Criterion A is system design, B communication: the second session has no evidence of communication.
    const progress = candidateProgress(
      [session("a", "2026-01-01T00:00:00.000Z", released([2, 4])), session("b", "2026-02-01T00:00:00.000Z", released([4, "no_evidence"]))],
      [],
    );
    expect(progress.sessions.map((entry) => entry.competencies)).toEqual([{ "system-design": 2, communication: 4 }, { "system-design": 4 }]);
    expect(progress.competencies.map((competency) => [competency.key, competency.sessions, competency.mean, competency.latest])).toEqual([
      ["system-design", 2, 3, 4],
      ["communication", 1, 4, 4],
    ]);
    const nothingRated = candidateProgress([session("c", "2026-03-01T00:00:00.000Z", released(["no_evidence", "no_evidence"]))], []);
    expect(nothingRated.competencies).toEqual([]);
    expect(nothingRated.sessions.map((entry) => entry.competencies)).toEqual([{}]);
  });

  it("charts a release made before criteria had competencies under the proposed competency, never under a criterion's title", () => {
    const view = viewFor(selfAssessed(releasedRoom()), candidate) as CandidateView;
    const scores = view.feedback!.scores!;
    // As stored before this change: criteria without a competency, competencies named after the criteria.
    const legacy: CandidateView = {
      ...view,
      feedback: {
        ...view.feedback!,
        scores: {
          ...scores,
          questions: scores.questions.map((question) => ({
            ...question,
            prompt: "A single slow query is taking down your database. What do you do?",
            criteria: [
              { criterion: 0, title: "Rollback considerations", rating: 3 },
              { criterion: 1, title: "We don't - we use at-least-once with idempotent consumers", rating: 2 },
            ],
          })),
          competencies: [
            { title: "Rollback considerations", score: 3 },
            { title: "We don't - we use at-least-once with idempotent consumers", score: 2 },
          ],
        },
      },
    };
    const progress = candidateProgress([session("old", "2025-01-01T00:00:00.000Z", legacy)], []);
    expect(progress.competencies.map((competency) => [competency.title, competency.mean])).toEqual([
      ["Data & databases", 2],
      ["Operations & reliability", 3],
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
      ["Communication", -1],
      ["System design", 2],
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
