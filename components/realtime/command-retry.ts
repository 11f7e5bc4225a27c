import { RETRIED_CODES, type Result } from "@/server/realtime/protocol";

/** How a client retries a command the server answered "not now" (BUSY, RATE_LIMITED, INTERNAL) or did not answer. */
export const RETRY_POLICY = { attempts: 8, baseMs: 250, maxMs: 4_000 } as const;

/** Exponential backoff with jitter (`random` in [0, 1)), never sooner than the server asked. */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: number = Math.random()): number {
  const backoff = Math.min(RETRY_POLICY.maxMs, RETRY_POLICY.baseMs * 2 ** attempt) * (0.5 + random / 2);
  return Math.max(retryAfterMs ?? 0, backoff);
}

export const NO_ANSWER: Result<never> = {
  ok: false,
  code: "INTERNAL",
  message: "The server did not answer. Check your connection; we will keep trying to reconnect.",
};

/**
 * Sends one command until it is answered for good: `attempt` sends it (always with the same idempotency
 * key, so the server applies it once) and resolves with the answer, or rejects when none came in time (it
 * may have landed: the key makes the retry safe). Retried answers wait `retryDelayMs`; after the last
 * attempt, the last answer stands.
 */
export async function sendWithRetries<T extends object>(attempt: () => Promise<Result<T>>, wait: (ms: number) => Promise<void>): Promise<Result<T>> {
  for (let tries = 0; tries < RETRY_POLICY.attempts; tries++) {
    let result: Result<T>;
    try {
      result = await attempt();
    } catch {
      continue;
    }
    if (result.ok || !RETRIED_CODES.has(result.code) || tries === RETRY_POLICY.attempts - 1) return result;
    await wait(retryDelayMs(tries, result.retryAfterMs));
  }
  return NO_ANSWER;
}
