import { describe, expect, it } from "vitest";
import { linkExpiry, sessionStands, signedInAtOf } from "./account-links";

describe("account link rules", () => {
  const now = new Date("2026-12-08T10:00:00.000Z");

  it("gives a reset link one hour and the confirmation links a day", () => {
    expect(linkExpiry("reset-password", now).toISOString()).toBe("2026-12-08T11:00:00.000Z");
    expect(linkExpiry("verify-email", now).toISOString()).toBe("2026-12-09T10:00:00.000Z");
    expect(linkExpiry("change-email", now).toISOString()).toBe("2026-12-09T10:00:00.000Z");
  });

  it("reads when a session began from its own claim, else from iat in seconds", () => {
    expect(signedInAtOf({ signedInAt: 1_700_000_000_123, iat: 1 })).toBe(1_700_000_000_123);
    expect(signedInAtOf({ iat: 1_700_000_000 })).toBe(1_700_000_000_000);
    expect(signedInAtOf({ signedInAt: "soon" })).toBeNull();
    expect(signedInAtOf({})).toBeNull();
  });

  it("ends sessions that began before the cut-off, to the millisecond, and keeps later ones", () => {
    const cutOff = new Date(now.getTime());
    expect(sessionStands(now.getTime() - 1, cutOff)).toBe(false);
    expect(sessionStands(now.getTime(), cutOff)).toBe(true);
    expect(sessionStands(now.getTime() + 1, cutOff)).toBe(true);
    expect(sessionStands(null, cutOff)).toBe(false);
    expect(sessionStands(null, null)).toBe(true);
    expect(sessionStands(0, null)).toBe(true);
  });
});
