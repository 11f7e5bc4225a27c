"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CodeSpec, RunnableLanguage } from "@/server/domain/code/code-spec";
import { RUN_RESULT_LIMITS, type RunResult, type TestResult } from "@/server/domain/code/run-result";
import { CappedText } from "./capped-text";
import { browserWorker, CodeRunner, type RunPhase, type RunRequest } from "./code-runner";

let shared: CodeRunner | null = null;

/** The tab's one runner: every panel of the page shares its warm workers. */
export function sharedCodeRunner(): CodeRunner {
  shared ??= new CodeRunner({ createWorker: browserWorker });
  return shared;
}

/** A run in progress, as the panel shows it. */
export interface LiveRun {
  phase: RunPhase;
  language: RunnableLanguage;
  stdout: string;
  stderr: string;
  tests: (TestResult | undefined)[];
}

/**
 * Runs the code and follows the run: its phase, its output (rendered at most once per frame, whatever the
 * program prints), its tests as they finish, and its result.
 */
export function useCodeRun(runner: CodeRunner, onFinished?: (result: RunResult) => void) {
  const [live, setLive] = useState<LiveRun | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const frame = useRef<number | null>(null);
  const mine = useRef(false);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      // A run this panel started ends with it; another panel's is left alone.
      if (mine.current) runner.cancel();
    },
    [runner],
  );

  const run = useCallback(
    async (request: Omit<RunRequest, "spec"> & { spec?: Pick<CodeSpec, "entry" | "tests"> | null }) => {
      if (runner.running) return;
      const stdout = new CappedText(RUN_RESULT_LIMITS.stdoutChars);
      const stderr = new CappedText(RUN_RESULT_LIMITS.stderrChars);
      // Running unless the runner says at once that a runtime is loading or starting first.
      const state: LiveRun = { phase: "running", language: request.language, stdout: "", stderr: "", tests: [] };
      const render = () => {
        frame.current = null;
        setLive({ ...state, stdout: stdout.toString(), stderr: stderr.toString(), tests: [...state.tests] });
      };
      const schedule = () => {
        frame.current ??= requestAnimationFrame(render);
      };
      mine.current = true;
      const running = runner.run(request, (progress) => {
        if (progress.type === "phase") state.phase = progress.phase;
        else if (progress.type === "test") state.tests[progress.index] = progress.result;
        else (progress.stream === "stdout" ? stdout : stderr).append(progress.text);
        schedule();
      });
      render();
      const done = await running;
      mine.current = false;
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      setLive(null);
      setResult(done);
      finished.current?.(done);
    },
    [runner],
  );

  const cancel = useCallback(() => runner.cancel(), [runner]);
  return { live, result, run, cancel };
}
