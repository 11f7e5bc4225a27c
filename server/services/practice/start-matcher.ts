import type pg from "pg";
import { listen, type Listening } from "@/server/platform/db/listen";
import { matchRound } from "@/server/services/practice/matcher";

export interface RunningMatcher {
  stop(): Promise<void>;
}

/** Rounds also run this often: matches lapse, tickets expire and levels widen by the clock. */
const TICK_MS = 1_000;

/**
 * Runs the matcher on this node: a round when someone joins the queue (on any node) and every second.
 * Wake-ups during a round ask for one more round after it, never for rounds in parallel.
 */
export async function startMatcher(options: {
  pool: pg.Pool;
  databaseUrl: string;
  reportError?: (what: string, error: unknown) => void;
  now?: () => Date;
}): Promise<RunningMatcher> {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const round = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = matchRound(options.pool, now())
      .then(() => undefined)
      .catch((error: unknown) => options.reportError?.("practice: a matching round failed", error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          round();
        }
      });
  };
  const listening: Listening = await listen(options.databaseUrl, "practice_queue", round, options.reportError);
  const timer = setInterval(round, TICK_MS);
  timer.unref();
  round();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listening.stop();
      await running;
    },
  };
}
