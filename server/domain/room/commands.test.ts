import { describe, expect, it } from "vitest";
import { NOTE_MAX_LENGTH, SCRATCHPAD_MAX_LENGTH, commandSchema } from "./commands";
import { ID_MAX_LENGTH } from "./room-state";

const parses = (value: unknown) => commandSchema.safeParse(value).success;

describe("commandSchema", () => {
  it("caps note bodies at 10k characters and refuses empty ones", () => {
    expect(parses({ type: "addNote", body: "x".repeat(NOTE_MAX_LENGTH) })).toBe(true);
    expect(parses({ type: "addNote", body: "x".repeat(NOTE_MAX_LENGTH + 1) })).toBe(false);
    expect(parses({ type: "addNote", body: "" })).toBe(false);
    expect(parses({ type: "editNote", noteId: "n", body: "x".repeat(NOTE_MAX_LENGTH + 1) })).toBe(false);
  });

  it("caps the scratchpad at 50k characters and allows clearing it", () => {
    expect(parses({ type: "checkpointScratchpad", questionId: "q", text: "x".repeat(SCRATCHPAD_MAX_LENGTH), revision: 1 })).toBe(true);
    expect(parses({ type: "checkpointScratchpad", questionId: "q", text: "x".repeat(SCRATCHPAD_MAX_LENGTH + 1), revision: 1 })).toBe(false);
    expect(parses({ type: "checkpointScratchpad", questionId: "q", text: "", revision: 1 })).toBe(true);
  });

  it("caps ids at 64 characters", () => {
    expect(parses({ type: "goToQuestion", questionId: "q".repeat(ID_MAX_LENGTH) })).toBe(true);
    expect(parses({ type: "goToQuestion", questionId: "q".repeat(ID_MAX_LENGTH + 1) })).toBe(false);
    expect(parses({ type: "revealFollowUp", questionId: "q", followUpId: "" })).toBe(false);
  });

  it("refuses unknown commands and wrong field types", () => {
    expect(parses({ type: "revealAllAnswers" })).toBe(false);
    expect(parses({ type: "setKeyPointChecked", questionId: "q", index: -1, checked: true })).toBe(false);
    expect(parses({ type: "setKeyPointChecked", questionId: "q", index: 0, checked: "yes" })).toBe(false);
    expect(parses({ type: "setPresence", status: "online" })).toBe(false);
  });

  it("trims and bounds display names", () => {
    expect(commandSchema.parse({ type: "join", name: "  Ada  " })).toEqual({ type: "join", name: "Ada" });
    expect(parses({ type: "join", name: "   " })).toBe(false);
    expect(parses({ type: "join", name: "x".repeat(101) })).toBe(false);
  });

  it("keeps scores within their scale and each criterion scored once", () => {
    const score = { type: "setScore", questionId: "q", outOf: 10, criteria: [{ index: 0, score: 7, comment: "" }], overall: 7, comment: "" };
    expect(parses(score)).toBe(true);
    expect(parses({ ...score, overall: 11 })).toBe(false);
    expect(parses({ ...score, criteria: [{ index: 0, score: 11, comment: "" }] })).toBe(false);
    expect(
      parses({
        ...score,
        criteria: [
          { index: 0, score: 1, comment: "" },
          { index: 0, score: 2, comment: "" },
        ],
      }),
    ).toBe(false);
    expect(parses({ ...score, outOf: 0 })).toBe(false);
  });

  it("drops fields a client should not send, such as a role", () => {
    expect(commandSchema.parse({ type: "start", role: "INTERVIEWER" })).toEqual({ type: "start" });
  });
});
