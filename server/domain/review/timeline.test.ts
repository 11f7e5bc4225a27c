import { describe, expect, it } from "vitest";
import type { Actor } from "../room/policy";
import type { Command } from "../room/commands";
import { at, boardText, candidate, everyone, historyOf, interviewer } from "../room/test-fixtures";
import { replayFor, replayFrames } from "./replay";
import { timelineLines } from "./timeline";

const Q1 = "question_1_id";
const Q2 = "question_2_id";
const draw = (actor: Actor, questionId: string, id: string, version: number): [Actor, Command] => [
  actor,
  { type: "drawOnBoard", questionId, elements: [boardText(id, `${id} v${version}`, version)] },
];

/** A session where the candidate draws in runs, the interviewer draws between them, and presence changes in the middle. */
function drawingSession() {
  const commands: Array<[Actor, Command]> = [
    ...everyone.map((actor): [Actor, Command] => [actor, { type: "join", name: `Name of ${actor.userId}` }]),
    [interviewer, { type: "start" }],
    draw(candidate, Q1, "box", 1),
    draw(candidate, Q1, "box", 2),
    [candidate, { type: "setPresence", status: "away" }],
    draw(candidate, Q1, "box", 3),
    draw(interviewer, Q1, "arrow", 1),
    draw(candidate, Q1, "box", 4),
    [interviewer, { type: "nextQuestion", fromQuestionId: Q1 }],
    draw(candidate, Q2, "box", 1),
  ];
  const { states, events } = historyOf(commands);
  const replay = replayFor(
    states[0]!,
    events.map((event, i) => ({ seq: i + 1, at: at(i).toISOString(), event })),
    interviewer,
    "own",
  );
  return { steps: replay.steps, frames: replayFrames(replay) };
}

describe("timelineLines", () => {
  it("folds a member's consecutive drawing on one question into one line that reaches its last step", () => {
    const { steps, frames } = drawingSession();
    const lines = timelineLines(steps, frames, (entry) => entry.kind !== "presence").filter((line) => line.kind === "board");
    const drawingAt = (i: number) => steps[i]!.type === "boardChanged";
    expect(lines.map((line) => line.text)).toEqual([
      "Name of user_candidate drew on the whiteboard (question 1): 3 changes",
      "Name of user_interviewer drew on the whiteboard (question 1)",
      "Name of user_candidate drew on the whiteboard (question 1)",
      "Name of user_candidate drew on the whiteboard (question 2)",
    ]);
    // Every drawing step belongs to exactly one line, and the first line spans the hidden presence change.
    const covered = lines.flatMap((line) => steps.map((_, i) => i).filter((i) => i >= line.first && i <= line.last && drawingAt(i)));
    expect(covered).toEqual(steps.map((_, i) => i).filter(drawingAt));
    expect(steps[lines[0]!.last]!.type).toBe("boardChanged");
    expect(steps.slice(lines[0]!.first, lines[0]!.last + 1).map((step) => step.type)).toContain("presenceChanged");
  });

  it("keeps a line per step when nothing is folded, and a shown presence change breaks a run", () => {
    const { steps, frames } = drawingSession();
    const all = timelineLines(steps, frames);
    expect(all.filter((line) => line.kind === "board").map((line) => line.last - line.first + 1)).toEqual([2, 1, 1, 1, 1]);
    expect(all.filter((line) => line.kind !== "board").every((line) => line.first === line.last)).toBe(true);
  });
});
