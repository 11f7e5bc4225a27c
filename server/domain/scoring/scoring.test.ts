import { describe, expect, it } from "vitest";
import { decide } from "../room/decide";
import { viewFor } from "../room/view-for";
import {
  candidate,
  coInterviewer,
  idSource,
  interviewer,
  liveRoom,
  observer,
  question,
  rated,
  ratedEndedRoom,
  releasedRoom,
  run,
  T0,
} from "../room/test-fixtures";
import { agreementSummary, criterionAgreement, quadraticKappa } from "./agreement";
import { competencyScores } from "./competencies";
import { levelDescriptions, suggestedLevel, wantsEvidence } from "./scale";
import { emptyScorecard, changeScorecard, type Scorecard } from "./scorecard";

const Q1 = "question_1_id";
const at = T0.toISOString();

function card(scorerId: string, levels: Array<[questionId: string, criterion: number, rating: 1 | 2 | 3 | 4 | "no_evidence"]>): Scorecard {
  return levels.reduce(
    (current, [questionId, criterion, rating]) =>
      changeScorecard(current, { kind: "rating", questionId, rating: { criterion, title: `c${criterion}`, rating, comment: "", evidence: [] } }, at, null),
    emptyScorecard(scorerId, at),
  );
}

describe("the anchored scale", () => {
  it("describes each level from the criterion's look-fors, and level 4 from a strong example's reasons", () => {
    const q = question(1);
    const levels = levelDescriptions(q.rubric[0]!, q);
    expect(levels[3]).toContain("SECRET_Q1_RUBRIC_A_LOOKFOR");
    expect(levels[4]).toMatch(/trade-offs and failure modes/);
    expect(levels[4]).toContain("SECRET_Q1_EXAMPLE_REASON");
    // Without look-fors, the question's key points say what covering it means.
    expect(levelDescriptions({ title: "T", lookFor: [] }, q)[3]).toContain("SECRET_Q1_KEYPOINT_A");
  });

  it("suggests a level from ticked key points but never without a tick", () => {
    expect(suggestedLevel([{ checked: false }, { checked: false }])).toBeNull();
    expect(suggestedLevel([])).toBeNull();
    expect(suggestedLevel([{ checked: true }, { checked: false }])).toEqual({ level: 2, reason: "1 of 2 key points ticked" });
    expect(suggestedLevel([{ checked: true }, { checked: true }])?.level).toBe(3);
  });

  it("asks for evidence on the extremes only", () => {
    expect([1, 2, 3, 4, "no_evidence", null].map((rating) => wantsEvidence(rating as never, 0))).toEqual([true, false, false, true, false, false]);
    expect(wantsEvidence(4, 1)).toBe(false);
  });
});

describe("competency scores", () => {
  const design = { key: "system-design", name: "System design" };
  const coding = { key: "coding", name: "Coding & algorithms" };
  const q1 = {
    ...question(1),
    rubric: [
      { title: "Trade-offs", lookFor: [], competency: design },
      { title: "Testing", lookFor: [], competency: coding },
    ],
  };
  const q2 = { ...question(2), rubric: [{ title: "Component boundaries", lookFor: [], competency: design }] };

  it("group criteria by their competency across questions, average levels and leave out no evidence", () => {
    const a = card("a", [
      [q1.id, 0, 2],
      [q1.id, 1, "no_evidence"],
      [q2.id, 0, 4],
    ]);
    const summary = competencyScores([a], [q1, q2], {});
    expect(summary.competencies.map((c) => [c.key, c.title, c.criteria, c.byScorer[0]?.score])).toEqual([
      ["system-design", "System design", 2, 3],
      ["coding", "Coding & algorithms", 1, null],
    ]);
    expect(summary.overall.byScorer[0]?.score).toBe(3);
  });

  it("weigh competencies equally unless weights are set", () => {
    const a = card("a", [
      [q1.id, 0, 4],
      [q1.id, 1, 1],
    ]);
    expect(competencyScores([a], [q1], {}).overall.mean).toBe(2.5);
    expect(competencyScores([a], [q1], { coding: 3 }).overall.mean).toBeCloseTo((4 + 3 * 1) / 4);
    expect(competencyScores([a], [q1], { coding: 0 }).overall.mean).toBe(4);
  });

  it("give a criterion of a session planned before competencies the importer's proposal, never its own title", () => {
    const old = {
      ...question(1),
      prompt: "How do you handle schema migrations in a zero-downtime deployment?",
      rubric: [
        { title: "Rollback considerations", lookFor: [] },
        { title: "We don't - we use at-least-once with idempotent consumers", lookFor: [] },
      ],
    };
    const a = card("a", [
      [old.id, 0, 3],
      [old.id, 1, 2],
    ]);
    const titles = competencyScores([a], [old], {}).competencies.map((c) => c.title);
    expect(titles).toEqual(["Operations & reliability", "Data & databases"]);
  });

  it("take a weight by the competency's key or its name, and refuse a criterion's title", () => {
    const state = liveRoom();
    const byName = run(state, interviewer, { type: "setCompetencyWeights", weights: [{ competency: "system design", weight: 2 }] }).state;
    expect(byName.weights).toEqual({ "system-design": 2 });
    const byTitle = decide(state, interviewer, { type: "setCompetencyWeights", weights: [{ competency: "SECRET_Q1_RUBRIC_A", weight: 2 }] }, T0, idSource("w"));
    expect(byTitle).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });
});

describe("agreement", () => {
  it("computes quadratically weighted kappa", () => {
    expect(
      quadraticKappa([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ]),
    ).toBe(1);
    expect(
      quadraticKappa([
        [1, 1],
        [2, 2],
        [3, 4],
        [4, 3],
      ]),
    ).toBeCloseTo(0.8);
    expect(
      quadraticKappa([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
    expect(quadraticKappa([])).toBeNull();
  });

  it("flags criteria two levels apart and counts exact and adjacent agreement over scorer pairs", () => {
    const q = question(1);
    const rows = criterionAgreement(
      [
        card("a", [
          [q.id, 0, 1],
          [q.id, 1, 3],
        ]),
        card("b", [
          [q.id, 0, 3],
          [q.id, 1, 3],
        ]),
      ],
      [q],
    );
    expect(rows.map((row) => [row.spread, row.disagreement])).toEqual([
      [2, true],
      [0, false],
    ]);
    expect(agreementSummary(rows, ["a", "b"])).toMatchObject({ scorers: 2, criteria: 2, pairs: 2, exact: 0.5, adjacent: 0.5 });
  });
});

describe("scorecards in the room", () => {
  const decideAt = (state: Parameters<typeof decide>[0], actor: Parameters<typeof decide>[1], command: Parameters<typeof decide>[2]) =>
    decide(state, actor, command, T0, idSource("x"));

  it("refuses a criterion or red flag that is not on the question, and a note that is not the scorer's", () => {
    const state = run(liveRoom(), interviewer, { type: "addNote", body: "mine" }, T0, () => "note_i").state;
    expect(decideAt(state, observer, { type: "rateCriterion", questionId: Q1, criterion: 2, rating: 3, comment: "", evidence: [] })).toMatchObject({
      error: { code: "BAD_REQUEST" },
    });
    expect(decideAt(state, observer, { type: "setRedFlags", questionId: Q1, redFlags: [1], customRedFlags: [] })).toMatchObject({
      error: { code: "BAD_REQUEST" },
    });
    expect(decideAt(state, observer, { type: "rateCriterion", questionId: Q1, criterion: 0, rating: 3, comment: "", evidence: ["note_i"] })).toMatchObject({
      error: { code: "NOT_FOUND" },
    });
    expect(decideAt(state, candidate, { type: "rateCriterion", questionId: Q1, criterion: 0, rating: 3, comment: "", evidence: [] })).toMatchObject({
      error: { code: "FORBIDDEN" },
    });
    expect(
      decideAt(state, interviewer, { type: "rateCriterion", questionId: "question_2_id", criterion: 0, rating: 3, comment: "", evidence: [] }),
    ).toMatchObject({
      error: { code: "NOT_FOUND" },
    });
  });

  it("submits only after the end and only with every criterion rated or marked no evidence", () => {
    const live = rated(liveRoom(), observer);
    expect(decideAt(live, observer, { type: "submitScorecard" })).toMatchObject({ error: { code: "CONFLICT" } });
    const partly = run(rated(liveRoom(), observer, [3, "no_evidence"]), interviewer, { type: "end" }).state;
    expect(decideAt(partly, observer, { type: "submitScorecard" })).toMatchObject({ ok: true });
    const unrated = run(
      run(liveRoom(), observer, { type: "rateCriterion", questionId: Q1, criterion: 0, rating: 2, comment: "", evidence: [] }).state,
      interviewer,
      { type: "end" },
    ).state;
    expect(decideAt(unrated, observer, { type: "submitScorecard" })).toEqual({
      ok: false,
      error: { code: "BAD_REQUEST", message: "A criterion is still unrated: rate each one or mark it “no evidence”." },
    });
  });

  it("locks a submitted card: a change needs a reason, and the amendment stays in its history", () => {
    const submitted = run(ratedEndedRoom(), observer, { type: "submitScorecard" }).state;
    const change = { type: "rateCriterion" as const, questionId: Q1, criterion: 0, rating: 4 as const, comment: "", evidence: [] };
    expect(decideAt(submitted, observer, change)).toMatchObject({
      error: { code: "BAD_REQUEST", message: "Your scorecard is submitted: give a reason to amend it." },
    });
    expect(decideAt(submitted, observer, { ...change, rating: null, amendmentReason: "Undo" })).toMatchObject({ error: { code: "BAD_REQUEST" } });
    const amended = run(submitted, observer, { ...change, amendmentReason: "Rewatched the answer" }).state;
    const mine = viewFor(amended, observer).scoring.mine;
    expect(mine?.amendments).toEqual([{ id: expect.any(String), at, reason: "Rewatched the answer", change: "Q1 · SECRET_Q1_RUBRIC_A: 3 → 4" }]);
    expect(mine?.submittedAt).not.toBeNull();
  });

  it("shows another's card only to those who submitted theirs (the blind rule)", () => {
    const state = run(ratedEndedRoom(), interviewer, { type: "submitScorecard" }).state;
    expect(viewFor(state, observer).scoring.others).toBeNull();
    expect(viewFor(state, observer).scoring.submitted.map((entry) => entry.scorerId)).toEqual([interviewer.userId]);
    expect(JSON.stringify(viewFor(state, coInterviewer))).not.toContain(`"scorerId":"${interviewer.userId}","questions"`);
    const both = run(state, observer, { type: "submitScorecard" }).state;
    expect(viewFor(both, observer).scoring.others?.map((other) => other.scorerId)).toEqual([interviewer.userId]);
    expect(viewFor(both, interviewer).scoring.others?.map((other) => other.scorerId)).toEqual([observer.userId]);
    expect(viewFor(both, coInterviewer).scoring.others).toBeNull();
  });

  it("releases scores only from a submitted card, and shows them to the candidate after they rate themselves", () => {
    expect(decideAt(ratedEndedRoom(), interviewer, { type: "releaseFeedback", text: "t", includeScores: true })).toMatchObject({ error: { code: "CONFLICT" } });
    const released = releasedRoom();
    const before = viewFor(released, candidate).feedback;
    expect(before).toMatchObject({ text: "FEEDBACK_TEXT", scores: null, selfAssessment: null });
    expect(before?.criteria?.[0]?.criteria.map((c) => c.title)).toEqual(["SECRET_Q1_RUBRIC_A", "SECRET_Q1_RUBRIC_B"]);
    expect(JSON.stringify(before)).not.toMatch(/"rating"/);
    const rejected = decideAt(released, candidate, { type: "finishSelfAssessment", ratings: [{ questionId: "question_2_id", criterion: 0, level: 2 }] });
    expect(rejected).toMatchObject({ error: { code: "BAD_REQUEST" } });
    const assessed = run(released, candidate, { type: "finishSelfAssessment", ratings: [{ questionId: Q1, criterion: 0, level: 2 }] }).state;
    const after = viewFor(assessed, candidate).feedback;
    expect(after?.scores?.questions[0]?.criteria.map((c) => c.rating)).toEqual([3, 3]);
    expect(after?.selfAssessment?.ratings).toEqual([{ questionId: Q1, criterion: 0, level: 2 }]);
    expect(decideAt(assessed, candidate, { type: "finishSelfAssessment", ratings: [] })).toMatchObject({ error: { code: "CONFLICT" } });
    // A scorer who has not submitted sees neither the release nor the draft: they are the owner's judgement.
    expect(viewFor(assessed, coInterviewer).scoring.feedback).toEqual({ draft: "", released: null });
    expect(viewFor(assessed, interviewer).scoring.feedback.released?.scores).not.toBeNull();
    // Once the candidate has rated themselves, the released scores stay; only the text may change.
    expect(decideAt(assessed, interviewer, { type: "releaseFeedback", text: "Clearer text", includeScores: false })).toMatchObject({
      error: { code: "CONFLICT" },
    });
    const reworded = run(assessed, interviewer, { type: "releaseFeedback", text: "Clearer text", includeScores: true }).state;
    expect(reworded.feedback.released?.scores).toEqual(assessed.feedback.released?.scores);
    expect(viewFor(reworded, candidate).feedback?.text).toBe("Clearer text");
  });

  it("shows the feedback draft to the owner alone, and the release to scorers only after they submit", () => {
    const drafted = run(ratedEndedRoom(), interviewer, { type: "draftFeedback", text: "DRAFT_JUDGEMENT" }).state;
    for (const viewer of [coInterviewer, observer, candidate]) expect(JSON.stringify(viewFor(drafted, viewer))).not.toContain("DRAFT_JUDGEMENT");
    expect(viewFor(drafted, interviewer).scoring.feedback.draft).toBe("DRAFT_JUDGEMENT");
    const released = run(run(drafted, interviewer, { type: "releaseFeedback", text: "RELEASED", includeScores: false }).state, observer, {
      type: "submitScorecard",
    }).state;
    expect(viewFor(released, observer).scoring.feedback).toMatchObject({ draft: "", released: { text: "RELEASED" } });
    expect(viewFor(released, coInterviewer).scoring.feedback.released).toBeNull();
  });
});
