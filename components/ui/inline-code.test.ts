import { describe, expect, it } from "vitest";
import { inlineParts, plainTitle } from "./inline-code";

describe("inlineParts and plainTitle", () => {
  it("splits code spans from the text around them", () => {
    expect(inlineParts("When does the `useEffect` cleanup run?")).toEqual([
      { code: false, text: "When does the " },
      { code: true, text: "useEffect" },
      { code: false, text: " cleanup run?" },
    ]);
    expect(inlineParts("`map` or `forEach`")).toEqual([
      { code: true, text: "map" },
      { code: false, text: " or " },
      { code: true, text: "forEach" },
    ]);
    expect(plainTitle("When does the `useEffect` cleanup run?")).toBe("When does the useEffect cleanup run?");
  });

  it("takes longer runs of backticks as CommonMark does, with a backtick inside", () => {
    expect(inlineParts("Quote a `` ` `` in Markdown")).toEqual([
      { code: false, text: "Quote a " },
      { code: true, text: "`" },
      { code: false, text: " in Markdown" },
    ]);
    expect(plainTitle("What is ``a`b``?")).toBe("What is a`b?");
  });

  it("leaves a title without code, and a backtick that closes nothing, as written", () => {
    expect(inlineParts("What is a cache stampede?")).toEqual([{ code: false, text: "What is a cache stampede?" }]);
    expect(plainTitle("It's a ` stray")).toBe("It's a ` stray");
    expect(inlineParts("")).toEqual([]);
  });
});
