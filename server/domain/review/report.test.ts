import { describe, expect, it } from "vitest";
import {
  at,
  boardText,
  candidate,
  coInterviewer,
  completeSessionPicks,
  history,
  interviewer,
  liveRoom,
  observer,
  releasedRoom,
  run,
  steps,
} from "../room/test-fixtures";
import { viewFor } from "../room/view-for";
import { boardToSvg } from "../board/board-svg";
import { sessionBoards, sessionMarkdown, type SessionMeta } from "./report";

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

/** The Markdown images of a report: their alt text and the SVG their data: URI holds. */
function images(report: string): Array<{ alt: string; svg: string }> {
  return [...report.matchAll(/^!\[((?:[^\]\\]|\\.)*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/]+=*)\)$/gm)].map((match) => ({
    alt: match[1]!,
    svg: Buffer.from(match[2]!, "base64").toString("utf8"),
  }));
}

/** The complete session, drawn on while it runs (the fixtures' order draws after the end, which is refused). */
function drawnSessionPicks(): number[] {
  const isDrawing = (i: number) => steps[i]![1].type === "drawOnBoard";
  const order = completeSessionPicks().filter((i) => !isDrawing(i));
  const end = order.findIndex((i) => steps[i]![1].type === "end");
  return [...order.slice(0, end), ...steps.map((_, i) => i).filter(isDrawing), ...order.slice(end)];
}
const drawn = history(drawnSessionPicks()).states.at(-1)!;

/** That session without the steps that ask question 3: its starting diagram is never the candidate's. */
const asksQ3 = ([, command]: (typeof steps)[number]) =>
  (command.type === "goToQuestion" && command.questionId === "question_3_id") ||
  (command.type === "nextQuestion" && command.fromQuestionId === "question_2_id");
const q3Unasked = history(drawnSessionPicks().filter((i) => !asksQ3(steps[i]!))).states.at(-1)!;

describe("the whiteboards in the exports", () => {
  it("are images in the Markdown, described in their alt text, for each asked question that has a drawing", () => {
    const staff = images(sessionMarkdown(meta("INTERVIEWER"), viewFor(drawn, interviewer)));
    expect(staff.map((image) => image.alt)).toEqual([
      "Whiteboard of question 1. A drawing of text only, with the words: PROMPT_ARROW; PROMPT_INTERVIEWER_EDIT; PROMPT_Q1_BOARD_START.",
      "Whiteboard of question 2. A drawing of text only, with the words: PROMPT_Q2_REDRAWN.",
      "Whiteboard of question 3. A drawing of text only, with the words: PROMPT_Q3_BOARD_START.",
    ]);
    expect(staff[0]!.svg).toBe(boardToSvg(drawn.boards.question_1_id!));
    expect(staff[0]!.svg).toContain("PROMPT_INTERVIEWER_EDIT");
  });

  it("give the candidate the drawings of the questions asked of them only", () => {
    const view = viewFor(q3Unasked, candidate);
    const report = sessionMarkdown(meta("CANDIDATE"), view);
    expect(images(report).map((image) => image.alt.split(".")[0])).toEqual(["Whiteboard of question 1", "Whiteboard of question 2"]);
    expect(
      images(report)
        .map((image) => image.svg)
        .join(""),
    ).not.toContain("PROMPT_Q3_BOARD_START");
    expect(JSON.stringify(sessionBoards(view))).not.toContain("PROMPT_Q3_BOARD_START");
    // The interviewer's report leaves the unasked question's starting diagram out too: nothing was drawn on it.
    expect(sessionBoards(viewFor(q3Unasked, interviewer)).map((board) => board.number)).toEqual([1, 2]);
  });

  it("carry each drawing's SVG and its elements, without deleted ones, in the JSON", () => {
    const state = run(liveRoom(), candidate, {
      type: "drawOnBoard",
      questionId: "question_1_id",
      elements: [boardText("kept", "KEPT", 1), { ...boardText("gone", "GONE", 1), isDeleted: true }],
    }).state;
    const [board] = sessionBoards(viewFor(state, candidate));
    expect(board).toMatchObject({ questionId: "question_1_id", number: 1, svg: boardToSvg(state.boards.question_1_id!) });
    expect(board!.elements.map((element) => element.id).sort()).toEqual(["kept", "start_1"]);
    expect(board!.description).toBe("A drawing of text only, with the words: KEPT; PROMPT_Q1_BOARD_START.");
  });

  it("keep a drawing's words from breaking the image's Markdown", () => {
    const state = run(liveRoom(), candidate, {
      type: "drawOnBoard",
      questionId: "question_1_id",
      elements: [boardText("x", "a ](javascript:alert(1)) [b] \\", 1)],
    }).state;
    const [image] = images(sessionMarkdown(meta("CANDIDATE"), viewFor(state, candidate)));
    expect(image!.alt).toContain("a \\](javascript:alert(1)) \\[b\\] \\\\");
    expect(image!.svg).toBe(boardToSvg(state.boards.question_1_id!));
  });
});

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
