import { describe, expect, it } from "vitest";
import { signUpInput } from "@/server/api/routers/account/sign-up.schema";
import { guestInput, signInInput } from "./credentials";

describe("account field rules", () => {
  const valid = { name: " Ada ", email: " Ada@Example.COM ", password: "12345678" };

  it("accepts a name, a normalised email and an 8-character password", () => {
    expect(signUpInput.parse(valid)).toEqual({ name: "Ada", email: "ada@example.com", password: "12345678" });
  });

  it("refuses a password under 8 or over 200 characters, an empty name and a bad email", () => {
    expect(signUpInput.safeParse({ ...valid, password: "1234567" }).success).toBe(false);
    expect(signUpInput.safeParse({ ...valid, password: "x".repeat(201) }).success).toBe(false);
    expect(signUpInput.safeParse({ ...valid, password: "x".repeat(200) }).success).toBe(true);
    expect(signUpInput.safeParse({ ...valid, name: "   " }).success).toBe(false);
    expect(signUpInput.safeParse({ ...valid, name: "n".repeat(81) }).success).toBe(false);
    expect(signUpInput.safeParse({ ...valid, email: "not an email" }).success).toBe(false);
  });

  it("refuses text PostgreSQL cannot store", () => {
    expect(signUpInput.safeParse({ ...valid, name: "A\u0000da" }).success).toBe(false);
    expect(signInInput.safeParse({ email: "ada@example.com", password: "\ud800" }).success).toBe(false);
    expect(guestInput.safeParse({ name: "Ada", inviteToken: "0123456789\u0000" }).success).toBe(false);
  });

  it("needs a password to sign in and a plausible token to join as a guest", () => {
    expect(signInInput.safeParse({ email: "ada@example.com", password: "" }).success).toBe(false);
    expect(guestInput.safeParse({ name: "Ada", inviteToken: "short" }).success).toBe(false);
    expect(guestInput.safeParse({ name: "Ada", inviteToken: "0123456789" }).success).toBe(true);
  });
});

describe("display names", () => {
  const valid = { name: "Ada", email: "ada@example.com", password: "12345678" };

  it("refuses line breaks and control characters, which could add an email header", () => {
    for (const name of ["Ada\r\nBcc: victim@example.com", "Ada\nLovelace", "Ada\rX", "Ada\tL", "Ada\u0085", "Ada\u2028L"]) {
      const result = signUpInput.safeParse({ ...valid, name });
      expect(result.success, JSON.stringify(name)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("A name cannot contain line breaks or control characters");
    }
  });

  it("keeps names with accents, apostrophes and other scripts", () => {
    for (const name of ["Zoë O'Brien", "李小龍", "José-María", "Ada 🚀"]) expect(signUpInput.safeParse({ ...valid, name }).success).toBe(true);
  });
});
