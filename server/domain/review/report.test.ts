import { describe, expect, it } from "vitest";
import { at, candidate, coInterviewer, completeSessionPicks, history, interviewer, observer, releasedRoom, run } from "../room/test-fixtures";
import { viewFor } from "../room/view-for";
import { sessionMarkdown, type SessionMeta } from "./report";

const meta = (role: SessionMeta["myRole"]): SessionMeta => ({
  id: "session_1",
  title: "Backend loop\n# not a heading",
  status: "ENDED",
  ownerName: "Ida Interviewer",
  candidateName: "Cai Candidate",
  createdAt: at(-60).toISOString(),
  scheduledAt: null,
  startedAt: at(0).toISOString(),
  endedAt: at(600).toISOString(),
  myRole: role,
});

/** Every step of the fixtures' session: notes by each scorer, ratings, submissions, a release, a self-assessment. */
const ended = history(completeSessionPicks()).states.at(-1)!;

describe("sessionMarkdown", () => {
  it("gives the interviewer the questions as asked, their notes, every submitted card and the feedback", () => {
    const report = sessionMarkdown(meta("INTERVIEWER"), viewFor(ended, interviewer));
    expect(report).toMatch(/^# Backend loop # not a heading\n/);
    expect(report).toContain("PROMPT_Q1_MAIN");
    expect(report).toContain("PROMPT_Q1_F1_FOLLOWUP");
    expect(report).toContain("[x] SECRET_Q2_KEYPOINT_B");
    expect(report).toContain("[ ] SECRET_Q1_KEYPOINT_A");
    expect(report).toContain("## Scorecards");
    expect(report).toContain("Recommendation: Yes");
    expect(report).toContain("Amendments:");
    expect(report).toContain("rewatched");
    expect(report).toContain("## Feedback released to the candidate");
    expect(report).not.toContain("observer note");
  });

  it("gives the candidate only what was shown or released to them", () => {
    const report = sessionMarkdown(meta("CANDIDATE"), viewFor(ended, candidate));
    expect(report).toContain("PROMPT_Q1_MAIN");
    expect(report).toContain("## Feedback (released");
    expect(report).toContain("released");
    expect(report).toContain("first draft");
    // Released scores name their criteria (SECRET_Q1_RUBRIC_A); nothing else of the interviewer's material appears.
    expect(report).not.toMatch(/SECRET_Q\d_(ANSWER|KEYPOINT|SECTION|REDFLAG|EXAMPLE|META|RUBRIC_._LOOKFOR|F\d)/);
    for (const hidden of ["interviewer note", "co-interviewer note", "observer note", "Scorecards", "> draft", "Recommendation"]) {
      expect(report).not.toContain(hidden);
    }
  });

  it("shows the candidate their scores only after they rated themselves", () => {
    const released = releasedRoom();
    const before = sessionMarkdown(meta("CANDIDATE"), viewFor(released, candidate));
    expect(before).toContain("FEEDBACK_TEXT");
    expect(before).not.toContain("## Scores");
    const rated = run(released, candidate, { type: "finishSelfAssessment", ratings: [{ questionId: "question_1_id", criterion: 0, level: 2 }] }).state;
    const after = sessionMarkdown(meta("CANDIDATE"), viewFor(rated, candidate));
    expect(after).toContain("## Scores");
    expect(after).toContain("(you: 2 Partial)");
  });

  it("keeps an observer's report to their own notes, and the others' cards hidden until theirs is submitted", () => {
    const released = releasedRoom();
    const report = sessionMarkdown(meta("OBSERVER"), viewFor(released, observer));
    expect(report).toContain("The other scorers' cards are shown once yours is submitted.");
    expect(report).not.toContain("FEEDBACK_TEXT");
    expect(sessionMarkdown(meta("CO_INTERVIEWER"), viewFor(released, coInterviewer))).not.toContain("FEEDBACK_TEXT");
  });
});
