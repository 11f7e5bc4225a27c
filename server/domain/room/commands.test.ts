import { describe, expect, it } from "vitest";
import { ChangeSet } from "@codemirror/state";
import { NOTE_MAX_LENGTH, PAD_PUSH_PARTS_MAX, SCRATCHPAD_MAX_LENGTH, commandSchema } from "./commands";
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

  it("takes pad changes as CodeMirror writes them, and refuses empty parts and pushes of too many parts", () => {
    const push = (...changes: unknown[]) => ({
      type: "editScratchpad",
      questionId: "q",
      baseRevision: 0,
      updates: changes.map((c) => ({ clientID: "u_1", changes: c })),
    });
    for (const change of [ChangeSet.of({ from: 0, insert: "a\nb" }, 3), ChangeSet.of({ from: 1, to: 2 }, 3), ChangeSet.of({ from: 3, insert: "\n" }, 3)])
      expect(parses(push(change.toJSON()))).toBe(true);
    // An empty kept span, an empty deletion and an empty insertion: each broke the mapping of concurrent pushes.
    for (const empty of [[0, [1, "x"]], [[0], 3], [[0, ""], 3], []]) expect(parses(push(empty))).toBe(false);
    const spread = Array.from({ length: PAD_PUSH_PARTS_MAX / 2 }, () => 1);
    expect(parses(push(spread, spread))).toBe(true);
    expect(parses(push(spread, [...spread, 1]))).toBe(false);
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

  it("keeps ratings on the anchored scale and overall scores on 0 to 10", () => {
    const rate = { type: "rateCriterion", questionId: "q", criterion: 0, rating: 3, comment: "", evidence: [] };
    expect(parses(rate)).toBe(true);
    expect(parses({ ...rate, rating: "no_evidence" })).toBe(true);
    expect(parses({ ...rate, rating: null })).toBe(true);
    for (const rating of [0, 5, 2.5, "3", "none"]) expect(parses({ ...rate, rating })).toBe(false);
    expect(parses({ ...rate, criterion: -1 })).toBe(false);
    expect(parses({ ...rate, amendmentReason: "" })).toBe(false);
    const overall = { type: "setQuestionOverall", questionId: "q", overall: 10, comment: "" };
    expect(parses(overall)).toBe(true);
    expect(parses({ ...overall, overall: 11 })).toBe(false);
    expect(parses({ ...overall, overall: 7.5 })).toBe(false);
    expect(parses({ type: "setSummary", recommendation: "maybe", takeaways: "", strengths: "", improvements: "" })).toBe(false);
    expect(parses({ type: "finishSelfAssessment", ratings: [{ questionId: "q", criterion: 0, level: "no_evidence" }] })).toBe(false);
  });

  it("drops fields a client should not send, such as a role", () => {
    expect(commandSchema.parse({ type: "start", role: "INTERVIEWER" })).toEqual({ type: "start" });
  });
});
