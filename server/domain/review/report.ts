import type { RunRecord } from "../code/run-record";
import { runSummary } from "../code/run-summary";
import { formatDuration, offsetInInterview } from "../format-duration";
import { ROLE_LABELS, type Role, type Scratchpad } from "../room/room-state";
import type { CandidateView, NoteView, RoomView, StaffQuestionView, StaffView } from "../room/view-for";
import { RECOMMENDATION_LABELS, ratingLabel, OVERALL_MAX } from "../scoring/scale";
import type { Scorecard } from "../scoring/scorecard";
import type { CandidateFeedbackView } from "../room/view-for";
import type { Board } from "../board/board";
import type { BoardElement } from "../board/board-element";
import { boardDataUri, describeBoard, drawnElements, hasDrawing } from "../board/board-image";
import { boardToSvg } from "../board/board-svg";

/** What a report says about the session besides the room itself. */
export interface SessionMeta {
  id: string;
  title: string;
  status: string;
  ownerName: string;
  candidateName: string | null;
  createdAt: string;
  scheduledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  myRole: Role;
}

/**
 * The session as a Markdown report for `view`'s member. Built from their view alone (viewFor), so it
 * holds exactly what their session page shows: a candidate's has no notes, answers, rubric, unasked
 * question or unreleased score, because their view has none.
 */
export function sessionMarkdown(meta: SessionMeta, view: RoomView): string {
  const lines = [`# ${oneLine(meta.title)}`, "", ...overview(meta, view), ""];
  if (view.role === "CANDIDATE") lines.push(...candidateReport(view));
  else lines.push(...staffReport(view));
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

function overview(meta: SessionMeta, view: RoomView): string[] {
  const duration = view.clock.startedAt && view.clock.endedAt ? Date.parse(view.clock.endedAt) - Date.parse(view.clock.startedAt) : null;
  const people = view.participants.map((participant) => `${participant.name} (${ROLE_LABELS[participant.role]})`);
  return [
    `- Status: ${statusLabel(view)}`,
    `- Started: ${view.clock.startedAt ?? "not started"}`,
    ...(view.clock.endedAt ? [`- Ended: ${view.clock.endedAt}`] : []),
    ...(duration !== null ? [`- Duration: ${formatDuration(duration)}`] : []),
    `- Interviewer: ${meta.ownerName}`,
    ...(people.length > 0 ? [`- People: ${people.join(", ")}`] : []),
    `- Your role: ${ROLE_LABELS[meta.myRole]}`,
  ];
}

function statusLabel(view: RoomView): string {
  return { lobby: "not started", live: "in progress", ended: "ended" }[view.status];
}

function staffReport(view: StaffView): string[] {
  const lines = ["## Questions", ""];
  for (const question of view.questions) lines.push(...staffQuestion(view, question), "");
  const lobbyNotes = view.notes.filter((note) => note.questionId === null);
  if (lobbyNotes.length > 0) lines.push("## Notes outside a question", "", ...notes(view, lobbyNotes), "");
  lines.push(...scorecards(view));
  const { feedback } = view.scoring;
  if (feedback.released) lines.push(`## Feedback released to the candidate (${feedback.released.releasedAt})`, "", quote(feedback.released.text), "");
  else if (feedback.draft) lines.push("## Feedback to the candidate (draft, not released)", "", quote(feedback.draft), "");
  return lines;
}

function staffQuestion(view: StaffView, question: StaffQuestionView): string[] {
  const heading = `### ${question.position + 1}. ${firstLine(question.prompt)}`;
  if (!question.asked) return [heading, "", "_Not asked._"];
  const lines = [
    heading,
    "",
    `- Time on this question: ${formatDuration(question.timer.accumulatedMs)}${timeBox(question.timer.timeBoxSec)}`,
    "",
    quote(question.prompt),
    "",
  ];
  const revealed = question.followUps.filter((followUp) => followUp.revealedAt !== null);
  if (revealed.length > 0) {
    lines.push("Follow-ups revealed:", "");
    for (const followUp of revealed) lines.push(`- ${at(followUp.revealedAt!, view.clock.startedAt)} ${oneLine(followUp.prompt)}`);
    lines.push("");
  }
  const unrevealed = question.followUps.length - revealed.length;
  if (unrevealed > 0) lines.push(`${unrevealed} follow-up${unrevealed === 1 ? "" : "s"} not revealed.`, "");
  if (question.keyPoints.length > 0) {
    lines.push("Key points:", "", ...question.keyPoints.map((point) => `- [${point.checked ? "x" : " "}] ${oneLine(point.text)}`), "");
  }
  lines.push(...scratchpad(question.scratchpad), ...whiteboard(question.board, question.position + 1), ...runLines(view, question.runs));
  const questionNotes = view.notes.filter((note) => note.questionId === question.id);
  if (questionNotes.length > 0) lines.push("Notes:", "", ...notes(view, questionNotes), "");
  return lines;
}

function notes(view: StaffView, list: NoteView[]): string[] {
  return list.map((note) => {
    const afterEnd = view.clock.endedAt !== null && note.createdAt > view.clock.endedAt ? " (written after the interview)" : "";
    return `- ${at(note.createdAt, view.clock.startedAt)} ${nameOf(view, note.authorId)}${afterEnd}: ${oneLine(note.body)}`;
  });
}

function scorecards(view: StaffView): string[] {
  const { mine, others } = view.scoring;
  const cards = [...(mine ? [mine] : []), ...(others ?? [])];
  if (cards.length === 0) return [];
  const lines = ["## Scorecards", ""];
  if (others === null && mine) lines.push("_The other scorers' cards are shown once yours is submitted._", "");
  for (const card of cards) lines.push(...scorecard(view, card), "");
  return lines;
}

function scorecard(view: StaffView, card: Scorecard): string[] {
  const status = card.submittedAt ? `submitted ${card.submittedAt}` : "draft, not submitted";
  const lines = [`### ${nameOf(view, card.scorerId)}${card.scorerId === view.viewer.userId ? " (you)" : ""}: ${status}`, ""];
  if (card.summary.recommendation) lines.push(`- Recommendation: ${RECOMMENDATION_LABELS[card.summary.recommendation]}`);
  for (const [label, text] of [
    ["Key takeaways", card.summary.takeaways],
    ["Strengths", card.summary.strengths],
    ["Areas to improve", card.summary.improvements],
  ] as const) {
    if (text.trim()) lines.push(`- ${label}: ${oneLine(text)}`);
  }
  lines.push("");
  for (const section of card.questions) {
    const question = view.questions.find((candidate) => candidate.id === section.questionId);
    if (!question) continue;
    lines.push(`#### ${question.position + 1}. ${firstLine(question.prompt)}`, "");
    for (const rating of section.ratings) {
      lines.push(
        `- ${oneLine(rating.title)}: ${rating.rating === null ? "not rated" : ratingLabel(rating.rating)}${rating.comment.trim() ? `. ${oneLine(rating.comment)}` : ""}`,
      );
      for (const evidence of rating.evidence) lines.push(`  - Evidence (${at(evidence.createdAt, view.clock.startedAt)}): ${oneLine(evidence.body)}`);
    }
    if (section.overall !== null) lines.push(`- Overall: ${section.overall}/${OVERALL_MAX}${section.comment.trim() ? `. ${oneLine(section.comment)}` : ""}`);
    const flags = [...section.redFlags.map((index) => question.redFlags[index]).filter((flag) => flag !== undefined), ...section.customRedFlags];
    if (flags.length > 0) lines.push(`- Red flags: ${flags.map(oneLine).join("; ")}`);
    lines.push("");
  }
  if (card.amendments.length > 0) {
    lines.push(
      "Amendments:",
      "",
      ...card.amendments.map((amendment) => `- ${amendment.at}: ${oneLine(amendment.change)} (reason: ${oneLine(amendment.reason)})`),
      "",
    );
  }
  return lines;
}

function candidateReport(view: CandidateView): string[] {
  const asked = askedOf(view);
  const lines = ["## Questions you were asked", ""];
  if (asked.length === 0) lines.push("_No question was asked._", "");
  asked.forEach((question, index) => {
    lines.push(
      `### ${index + 1}. ${firstLine(question.prompt)}`,
      "",
      `- Time on this question: ${formatDuration(question.timer.accumulatedMs)}`,
      "",
      quote(question.prompt),
      "",
    );
    if (question.followUps.length > 0) {
      lines.push(
        "Follow-ups:",
        "",
        ...question.followUps.map((followUp) => `- ${at(followUp.revealedAt, view.clock.startedAt)} ${oneLine(followUp.prompt)}`),
        "",
      );
    }
    lines.push(...scratchpad(question.scratchpad), ...whiteboard(question.board, index + 1), ...runLines(view, question.runs));
  });
  lines.push(...candidateFeedback(view.feedback));
  return lines;
}

function candidateFeedback(feedback: CandidateFeedbackView | null): string[] {
  if (!feedback) return ["## Feedback", "", "_No feedback has been released yet._", ""];
  const lines = [`## Feedback (released ${feedback.releasedAt})`, "", quote(feedback.text), ""];
  if (feedback.scores) {
    lines.push("## Scores", "");
    if (feedback.scores.overall !== null) lines.push(`- Session score: ${feedback.scores.overall.toFixed(1)} of 4`);
    for (const competency of feedback.scores.competencies)
      lines.push(`- ${oneLine(competency.title)}: ${competency.score === null ? "no evidence" : competency.score.toFixed(1)}`);
    lines.push("");
    for (const question of feedback.scores.questions) {
      lines.push(`### ${firstLine(question.prompt)}`, "");
      for (const criterion of question.criteria) {
        const self = feedback.selfAssessment?.ratings.find((rating) => rating.questionId === question.questionId && rating.criterion === criterion.criterion);
        lines.push(
          `- ${oneLine(criterion.title)}: ${criterion.rating === null ? "not rated" : ratingLabel(criterion.rating)}${self ? ` (you: ${ratingLabel(self.level)})` : ""}`,
        );
      }
      if (question.overall !== null) lines.push(`- Overall: ${question.overall}/${OVERALL_MAX}`);
      lines.push("");
    }
  } else if (feedback.criteria) {
    lines.push("_Your scores are shown once you rate yourself (or skip it) in the session._", "");
  }
  return lines;
}

function scratchpad(pad: Scratchpad | null): string[] {
  if (!pad || pad.text.trim() === "") return [];
  const fence = "`".repeat(Math.max(3, longestRun(pad.text, "`") + 1));
  return [`Scratchpad (${pad.language}):`, "", `${fence}${pad.language === "plain" ? "" : pad.language}`, pad.text, fence, ""];
}

/** The drawing as an image the Markdown carries itself (a data: URI: no file beside it, nothing fetched), described in its alt text. */
function whiteboard(board: Board, number: number): string[] {
  if (!hasDrawing(board)) return [];
  const alt = `Whiteboard of question ${number}. ${describeBoard(board)}`;
  return ["Whiteboard:", "", `![${oneLine(alt).replace(/[\\[\]]/g, "\\$&")}](${boardDataUri(board)})`, ""];
}

/** A whiteboard as the JSON export carries it: the elements drawn, as Excalidraw takes them, and the drawing as SVG. */
export interface ExportedBoard {
  questionId: string;
  /** The question's number as the report counts them. */
  number: number;
  description: string;
  svg: string;
  elements: BoardElement[];
}

/** The whiteboard of every question asked in `view` that has a drawing, as its member's report numbers them. */
export function sessionBoards(view: RoomView): ExportedBoard[] {
  const asked =
    view.role === "CANDIDATE"
      ? askedOf(view).map((question, index) => ({ question, number: index + 1 }))
      : view.questions.filter((question) => question.asked).map((question) => ({ question, number: question.position + 1 }));
  return asked
    .filter(({ question }) => hasDrawing(question.board))
    .map(({ question, number }) => ({
      questionId: question.id,
      number,
      description: describeBoard(question.board),
      svg: boardToSvg(question.board),
      elements: drawnElements(question.board),
    }));
}

function askedOf(view: CandidateView) {
  return [...view.earlier, ...(view.current ? [view.current] : [])].sort((a, b) => a.position - b.position);
}

/** Each run in a line: when, who, the language, how it ended; then its failing tests. */
function runLines(view: RoomView, runs: readonly RunRecord[]): string[] {
  if (runs.length === 0) return [];
  const lines = ["Runs:", ""];
  for (const run of runs) {
    lines.push(`- ${at(run.at, view.clock.startedAt)} ${nameOf(view, run.by)}, ${run.language}: ${runSummary(run)}`);
    for (const test of run.tests.filter((result) => !result.passed)) {
      lines.push(`  - ${oneLine(test.name)}: expected ${oneLine(test.expected)}, got ${test.actual === null ? "nothing" : oneLine(test.actual)}`);
    }
  }
  return [...lines, ""];
}

function nameOf(view: RoomView, userId: string): string {
  return view.participants.find((participant) => participant.userId === userId)?.name ?? "A former member";
}

function at(instant: string, startedAt: string | null): string {
  return `[${offsetInInterview(instant, startedAt) ?? "before the start"}]`;
}

function timeBox(seconds: number | null): string {
  return seconds === null ? "" : ` (time box ${formatDuration(seconds * 1000)})`;
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
}

function firstLine(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return oneLine(line.length > 120 ? `${line.slice(0, 117)}…` : line);
}

/** Text inside a list item or heading: one line, so that a user's text cannot start a heading of its own. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
