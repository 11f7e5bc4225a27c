import { describe, expect, it } from "vitest";
import { initialsOf } from "./avatar";

describe("initialsOf", () => {
  it("takes the first letters of the first and last words of a name", () => {
    expect(initialsOf("Grace Hopper")).toBe("GH");
    expect(initialsOf("  ada  ")).toBe("A");
    expect(initialsOf("Grace Brewster Murray Hopper")).toBe("GH");
    expect(initialsOf("Élodie Ångström")).toBe("ÉÅ");
  });

  it("makes initials from letters only: words in brackets or after a symbol are notes, not the name", () => {
    expect(initialsOf("Mo Bile (laptop)")).toBe("MB");
    expect(initialsOf("Mo (phone) Bile")).toBe("MB");
    expect(initialsOf("Sam #2")).toBe("S");
  });

  it("falls back to the email, then to a question mark", () => {
    expect(initialsOf("(guest)", "zoe@example.com")).toBe("Z");
    expect(initialsOf(null, null)).toBe("?");
  });
});
