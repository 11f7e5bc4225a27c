import type { TestResult } from "@/server/domain/code/run-result";
import { DEFAULT_LIMITS, type Job, type JobEnd, type OutputStream } from "../protocol";
import type { Engine } from "./engine";

/** What an engine produced for one job, as the unit tests read it. */
export interface Ran {
  end: JobEnd;
  stdout: string;
  stderr: string;
  tests: TestResult[];
  ms: number;
}

/** Runs a job on an engine with an output limit of `outputChars`, collecting everything it reports. */
export async function runOn(engine: Engine, job: Partial<Job> & Pick<Job, "code">): Promise<Ran> {
  const output: Record<OutputStream, string> = { stdout: "", stderr: "" };
  const tests: TestResult[] = [];
  const limits = { ...DEFAULT_LIMITS, timeMs: 2_000, ...job.limits };
  let written = 0;
  const started = performance.now();
  const end = await engine.run(
    { id: 1, language: "javascript", stdin: "", entry: null, tests: [], ...job, limits },
    {
      write: (stream, text) => {
        const room = limits.outputChars - written;
        output[stream] += text.slice(0, Math.max(0, room));
        written += text.length;
        return written <= limits.outputChars;
      },
      test: (index, result) => {
        tests[index] = result;
      },
      now: () => performance.now(),
      tick: () => {},
    },
  );
  return { end, ...output, tests, ms: performance.now() - started };
}
