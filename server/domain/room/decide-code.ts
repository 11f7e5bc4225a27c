import { CODE_LIMITS } from "../code/code-spec";
import { codeSpecProblems } from "../code/code-spec-problems";
import { RUN_LIMITS } from "../code/run-record";
import { fitsRunResultLimits, RUN_RESULT_LIMITS, runResultChars } from "../code/run-result";
import type { CommandOf } from "./commands";
import type { Decision } from "./decide";
import type { Actor } from "./policy";
import { refuse } from "./room-error";
import { findQuestion, testsOf, type RoomState } from "./room-state";
import { unreachable } from "./unreachable";

/** The pad's code: test cases added during the interview, and the record of each run. */
export type CodeCommand = CommandOf<"addTestCase"> | CommandOf<"recordRun">;

export function decideCode(state: RoomState, actor: Actor, command: CodeCommand, at: string): Decision {
  if (state.status !== "live") {
    return refuse("CONFLICT", state.status === "lobby" ? "The interview has not started yet." : "The interview has ended.");
  }
  const question = findQuestion(state, command.questionId);
  if (!question || !state.visitedQuestionIds.includes(question.id)) return refuse("NOT_FOUND", "That question has not been asked in this interview.");
  switch (command.type) {
    case "addTestCase": {
      if (testsOf(state, question).length >= CODE_LIMITS.testsPerQuestion) {
        return refuse("CONFLICT", `A question has at most ${CODE_LIMITS.testsPerQuestion} test cases.`);
      }
      // The bank's rule for what a run can use: a function's arguments as a JSON array, and so on.
      if (question.code) {
        const problem = codeSpecProblems({ ...question.code, tests: [command.test] })[0];
        if (problem) return refuse("BAD_REQUEST", problem.message);
      }
      return { ok: true, events: [{ type: "testCaseAdded", payload: { questionId: question.id, test: command.test, addedBy: actor.userId, at } }] };
    }
    case "recordRun": {
      // Each field has its limit in the schema; the whole may be no larger than a runner makes one.
      if (!fitsRunResultLimits(command.run)) {
        const { totalChars } = RUN_RESULT_LIMITS;
        const chars = runResultChars(command.run);
        return refuse(
          "PAYLOAD_TOO_LARGE",
          `A run's result holds at most ${totalChars.toLocaleString("en")} characters of output and test values; this one has ${chars.toLocaleString("en")}. It was not kept.`,
        );
      }
      // A retry of a run already kept changes nothing.
      if (state.runs.some((run) => run.runId === command.run.runId)) return { ok: true, events: [] };
      if (state.runs.length >= RUN_LIMITS.perSession) {
        return refuse("CONFLICT", `This interview has kept ${RUN_LIMITS.perSession} runs, the most it keeps; the earlier ones stay in the record.`);
      }
      const kept = state.runs.reduce((sum, run) => sum + runResultChars(run), 0);
      if (kept + runResultChars(command.run) > RUN_LIMITS.sessionChars) {
        const limit = RUN_LIMITS.sessionChars.toLocaleString("en");
        return refuse("CONFLICT", `This interview has kept ${limit} characters of run output, the most it keeps; the earlier runs stay in the record.`);
      }
      const revision = state.scratchpads[question.id]?.revision ?? 0;
      return { ok: true, events: [{ type: "codeRan", payload: { ...command.run, questionId: question.id, by: actor.userId, at, revision } }] };
    }
  }
  return unreachable(command);
}
