import { describe, expect, it } from "vitest";
import type { Result } from "@/server/realtime/protocol";
import { NO_ANSWER, RETRY_POLICY, retryDelayMs, sendWithRetries } from "./command-retry";

/** Answers in order, recording the waits asked for. */
function scripted(answers: Array<Result<{ seq: number }> | "timeout">) {
  const waits: number[] = [];
  let sent = 0;
  const attempt = async () => {
    const answer = answers[Math.min(sent++, answers.length - 1)]!;
    if (answer === "timeout") throw new Error("timed out");
    return answer;
  };
  return { attempt, wait: async (ms: number) => void waits.push(ms), waits, sent: () => sent };
}

const busy = { ok: false as const, code: "BUSY" as const, message: "Busy", retryAfterMs: 500 };

describe("sendWithRetries", () => {
  it("retries BUSY and unanswered sends until the command is answered, waiting as the server asked", async () => {
    const run = scripted([busy, "timeout", { ok: true, seq: 7 }]);
    expect(await sendWithRetries(run.attempt, run.wait)).toEqual({ ok: true, seq: 7 });
    expect(run.sent()).toBe(3);
    expect(run.waits).toHaveLength(1);
    expect(run.waits[0]).toBeGreaterThanOrEqual(500);
  });

  it("does not retry a refusal, and gives up after the last attempt with the last answer", async () => {
    const refused = scripted([{ ok: false, code: "FORBIDDEN", message: "No" }]);
    expect(await sendWithRetries(refused.attempt, refused.wait)).toMatchObject({ code: "FORBIDDEN" });
    expect(refused.sent()).toBe(1);
    const alwaysBusy = scripted([busy]);
    expect(await sendWithRetries(alwaysBusy.attempt, alwaysBusy.wait)).toEqual(busy);
    expect(alwaysBusy.sent()).toBe(RETRY_POLICY.attempts);
    const silent = scripted(["timeout"]);
    expect(await sendWithRetries(silent.attempt, silent.wait)).toEqual(NO_ANSWER);
  });

  it("backs off exponentially with jitter, up to a ceiling", () => {
    expect(retryDelayMs(0, undefined, 0)).toBe(125);
    expect(retryDelayMs(0, undefined, 0.999)).toBeCloseTo(250, 0);
    expect(retryDelayMs(3, undefined, 1)).toBe(2_000);
    expect(retryDelayMs(20, undefined, 1)).toBe(RETRY_POLICY.maxMs);
    expect(retryDelayMs(0, 3_000, 0)).toBe(3_000);
  });
});
