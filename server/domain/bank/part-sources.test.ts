import { describe, expect, it } from "vitest";
import { MAX_PASSAGE_LINES, passageFor, passagesOfText, passageRange, passageWindows, sourceRanges, type PartSources } from "./part-sources";

const at = (from: number, to = from) => ({ lines: { from, to }, origin: "document" as const });

describe("the passages shown beside a question's parts", () => {
  it("are a part's lines with three of context, the first lines of a long part", () => {
    expect(passageRange({ from: 2, to: 3 })).toEqual({ from: 1, to: 6 });
    expect(passageRange({ from: 10, to: 500 })).toEqual({ from: 7, to: 10 + MAX_PASSAGE_LINES - 1 + 3 });
  });

  it("are loaded as a few windows, overlapping and adjacent ranges joined", () => {
    const sources: PartSources = {
      rubric: [{ criterion: at(10, 14), lookFor: [at(11), at(13)] }],
      keyPoints: [at(11), { lines: null, origin: "added" }],
      followUps: [at(21)],
      redFlags: [at(200)],
      exampleScore: null,
    };
    expect(sourceRanges(sources)).toHaveLength(6);
    expect(passageWindows(sourceRanges(sources))).toEqual([
      { from: 7, to: 24 },
      { from: 197, to: 203 },
    ]);
  });

  it("cut a part's passage from its window, clamped to what the window holds", () => {
    const window = { from: 7, lines: Array.from({ length: 10 }, (_, i) => `line ${i + 7}`) };
    expect(passageFor([window], { from: 8, to: 8 })).toEqual({ from: 7, lines: ["line 7", "line 8", "line 9", "line 10", "line 11"] });
    expect(passageFor([window], { from: 15, to: 16 })).toEqual({ from: 12, lines: ["line 12", "line 13", "line 14", "line 15", "line 16"] });
    expect(passageFor([window], { from: 40, to: 40 })).toBeNull();
  });

  it("are cut from a previewed document's text for all its questions at once, none past its end", () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n");
    const only = (redFlags: PartSources["redFlags"]): PartSources => ({ rubric: [], keyPoints: [], followUps: [], redFlags, exampleScore: null });
    expect(passagesOfText(text, [only([at(2)]), only([at(28), { lines: null, origin: "edited" }])])).toEqual([
      { from: 1, lines: ["line 1", "line 2", "line 3", "line 4", "line 5"] },
      { from: 25, lines: ["line 25", "line 26", "line 27", "line 28", "line 29", "line 30"] },
    ]);
    expect(passagesOfText(text, [only([at(40)])])).toEqual([]);
    expect(passagesOfText(text, [])).toEqual([]);
  });
});
