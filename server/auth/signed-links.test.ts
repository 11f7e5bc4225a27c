import { describe, expect, it } from "vitest";
import { SignedLinks } from "./signed-links";

const links = new SignedLinks("a-secret-of-at-least-thirty-two-characters");

describe("signed links", () => {
  it("gives back the value of a token it signed, for the purpose it was signed for only", () => {
    const token = links.sign("reset-password", "token-id-1");
    expect(links.verify("reset-password", token)).toBe("token-id-1");
    expect(links.verify("verify-email", token)).toBeNull();
    expect(new SignedLinks("another-secret-of-at-least-thirty-two-chars").verify("reset-password", token)).toBeNull();
  });

  it("refuses a token whose value or signature was changed, or that is not a token", () => {
    const token = links.sign("reset-password", "token-id-1");
    const [value, signature] = token.split(".") as [string, string];
    const otherValue = Buffer.from("token-id-2").toString("base64url");
    expect(links.verify("reset-password", `${otherValue}.${signature}`)).toBeNull();
    expect(links.verify("reset-password", `${value}.${signature.slice(0, -1)}A`)).toBeNull();
    expect(links.verify("reset-password", `${value}.${signature}.x`)).toBeNull();
    for (const garbage of ["", ".", "abc", "a.b", "%%%.%%%"]) expect(links.verify("reset-password", garbage)).toBeNull();
  });

  it("makes the same invite token for an invite every time, and different ones for different invites", () => {
    expect(links.inviteToken("invite-1")).toBe(links.inviteToken("invite-1"));
    expect(links.inviteToken("invite-1")).not.toBe(links.inviteToken("invite-2"));
    expect(links.inviteToken("invite-1").length).toBeGreaterThanOrEqual(40);
  });
});
