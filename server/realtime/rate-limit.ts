/**
 * A token bucket per socket: bursts of `capacity` commands, then `refillPerSecond` sustained. Enough for
 * a person clicking and typing (the scratchpad is throttled client-side), far below a flooding script.
 * An event may cost more than one token (a large pad push); it is taken while at least one is left,
 * and what it overdraws is waited for after.
 */
export function createRateLimiter(capacity: number, refillPerSecond: number, clock: () => number = Date.now) {
  let tokens = capacity;
  let last = clock();
  return function allow(cost = 1): boolean {
    const now = clock();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * refillPerSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= cost;
    return true;
  };
}
