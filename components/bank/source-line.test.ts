import { describe, expect, it } from "vitest";
import { sourceLineLabel } from "./source-line";

describe("sourceLineLabel", () => {
  it("says a converted file's line is a line of its text", () => {
    expect(sourceLineLabel("notes.md", 12)).toBe("line 12");
    expect(sourceLineLabel("notes.rst", 12)).toBe("line 12");
    expect(sourceLineLabel("Drills.PDF", 28)).toBe("line 28 of the text read from it");
    expect(sourceLineLabel("drills.docx", 3)).toBe("line 3 of the text read from it");
  });
});
