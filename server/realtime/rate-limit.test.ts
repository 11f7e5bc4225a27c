import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst up to capacity, then refills over time", () => {
    let now = 0;
    const allow = createRateLimiter(3, 2, () => now);
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
    now += 500;
    expect([allow(), allow()]).toEqual([true, false]);
    now += 10_000;
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
  });
});
