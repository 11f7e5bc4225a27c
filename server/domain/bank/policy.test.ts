import { describe, expect, it } from "vitest";
import { bankReadScope, canChangeDocument, canCopyDocument, canImportToBank, canReadBank, canReadDocument } from "./policy";

const owner = { id: "u-owner", isGuest: false };
const stranger = { id: "u-stranger", isGuest: false };
const guest = { id: "u-guest", isGuest: true };
const shared = { ownerId: null };
const owned = { ownerId: owner.id };

describe("bank policy", () => {
  it("keeps guests out of the bank entirely", () => {
    expect(canReadBank(guest)).toBe(false);
    expect(canImportToBank(guest)).toBe(false);
    expect(bankReadScope(guest)).toBeNull();
    expect(canReadDocument(guest, shared)).toBe(false);
    expect(canChangeDocument({ ...guest, id: owner.id }, owned)).toBe(false);
  });

  it("lets every account read the shared documents and change none of them", () => {
    for (const actor of [owner, stranger]) {
      expect(canReadDocument(actor, shared)).toBe(true);
      expect(canChangeDocument(actor, shared)).toBe(false);
      expect(canCopyDocument(actor, shared)).toBe(true);
    }
  });

  it("keeps a document private to its owner, who alone changes it", () => {
    expect(canReadDocument(owner, owned)).toBe(true);
    expect(canChangeDocument(owner, owned)).toBe(true);
    expect(canCopyDocument(owner, owned)).toBe(false);
    expect(canReadDocument(stranger, owned)).toBe(false);
    expect(canChangeDocument(stranger, owned)).toBe(false);
    expect(canCopyDocument(stranger, owned)).toBe(false);
  });

  it("scopes an account's reads to itself", () => {
    expect(bankReadScope(owner)).toEqual({ readerId: owner.id });
    expect(canImportToBank(owner)).toBe(true);
  });
});
