import { describe, expect, it } from "vitest";
import { canManageBank, canReadBank, canReadBankQuestion } from "./policy";

describe("bank policy", () => {
  it("lets accounts read and change the bank, not guests", () => {
    expect(canReadBank({ isGuest: false })).toBe(true);
    expect(canManageBank({ isGuest: false })).toBe(true);
    expect(canReadBank({ isGuest: true })).toBe(false);
    expect(canManageBank({ isGuest: true })).toBe(false);
  });

  it("hides a question from a candidate whose unfinished interview asks it", () => {
    expect(canReadBankQuestion({ isGuest: false }, { inActorsOpenInterviewAsCandidate: false })).toBe(true);
    expect(canReadBankQuestion({ isGuest: false }, { inActorsOpenInterviewAsCandidate: true })).toBe(false);
    expect(canReadBankQuestion({ isGuest: true }, { inActorsOpenInterviewAsCandidate: false })).toBe(false);
  });
});
