import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCRATCHPAD_MAX_LENGTH, SCRATCHPAD_TOO_LONG } from "./commands";
import { applyTextChanges, decideScratchpadEdit, diffText, fitsScratchpad } from "./scratchpad";
import { at, candidate, interviewer, joinedRoom, liveRoom, observer, run } from "./test-fixtures";

const Q1 = "question_1_id";
const Q2 = "question_2_id";
const edit = (baseRevision: number, insert: string, from = 0, to = from) => ({
  type: "editScratchpad" as const,
  questionId: Q1,
  baseRevision,
  changes: [{ from, to, insert }],
});

describe("applyTextChanges and diffText", () => {
  it("applies splices in order and refuses one that does not fit", () => {
    expect(
      applyTextChanges("hello world", [
        { from: 0, to: 5, insert: "goodbye" },
        { from: 13, to: 13, insert: "!" },
      ]),
    ).toBe("goodbye world!");
    expect(applyTextChanges("abc", [{ from: 2, to: 4, insert: "" }])).toBeNull();
    expect(applyTextChanges("abc", [{ from: 2, to: 1, insert: "" }])).toBeNull();
  });

  it("holds the length rule in one place: up to the limit fits, one more does not", () => {
    expect(fitsScratchpad("x".repeat(SCRATCHPAD_MAX_LENGTH))).toBe(true);
    expect(fitsScratchpad("x".repeat(SCRATCHPAD_MAX_LENGTH + 1))).toBe(false);
  });

  it("finds one splice that turns any text into any other", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const change = diffText(before, after);
        expect(applyTextChanges(before, [change])).toBe(after);
        expect(change.insert.length).toBeLessThanOrEqual(after.length);
      }),
    );
    expect(diffText("def solve():", "def solve(n):")).toEqual({ from: 10, to: 10, insert: "n" });
  });
});

describe("decideScratchpadEdit", () => {
  it("applies the candidate's edit on the current revision and counts it", () => {
    const decision = decideScratchpadEdit(liveRoom(), undefined, candidate, edit(0, "abc"), at(5));
    expect(decision).toEqual({ ok: true, draft: { text: "abc", updatedAt: at(5).toISOString(), revision: 1, language: "plain" } });
    if (!decision.ok) return;
    expect(decideScratchpadEdit(liveRoom(), decision.draft, candidate, edit(1, "X", 3), at(6))).toMatchObject({
      ok: true,
      draft: { text: "abcX", revision: 2 },
    });
  });

  it("takes the language the candidate picks, with or without a change of text, and keeps it", () => {
    const picked = decideScratchpadEdit(
      liveRoom(),
      undefined,
      candidate,
      { type: "editScratchpad", questionId: Q1, baseRevision: 0, changes: [], language: "python" },
      at(5),
    );
    expect(picked).toMatchObject({ ok: true, draft: { text: "", revision: 1, language: "python" } });
    if (!picked.ok) return;
    expect(decideScratchpadEdit(liveRoom(), picked.draft, candidate, edit(1, "def f():"), at(6))).toMatchObject({
      ok: true,
      draft: { text: "def f():", language: "python" },
    });
  });

  it("continues from the last checkpoint when there is no draft", () => {
    const state = run(liveRoom(), candidate, { type: "checkpointScratchpad", questionId: Q1, text: "saved", revision: 4 }).state;
    expect(decideScratchpadEdit(state, undefined, candidate, edit(4, "!", 5), at(7))).toMatchObject({ ok: true, draft: { text: "saved!", revision: 5 } });
    expect(decideScratchpadEdit(state, undefined, candidate, edit(3, "!"), at(7))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("refuses everyone but the candidate, unasked questions, the lobby and a splice out of range", () => {
    for (const actor of [interviewer, observer])
      expect(decideScratchpadEdit(liveRoom(), undefined, actor, edit(0, "x"), at(1))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(decideScratchpadEdit(liveRoom(), undefined, candidate, { ...edit(0, "x"), questionId: Q2 }, at(1))).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(decideScratchpadEdit(joinedRoom(), undefined, candidate, edit(0, "x"), at(1))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(decideScratchpadEdit(liveRoom(), undefined, candidate, edit(0, "x", 3, 4), at(1))).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });

  it("refuses an edit that would pass the limit, saying what the limit is, even when each splice is within it", () => {
    const half = "x".repeat(SCRATCHPAD_MAX_LENGTH / 2);
    const command = { ...edit(0, half), changes: [0, 1, 2].map(() => ({ from: 0, to: 0, insert: half })) };
    const decision = decideScratchpadEdit(liveRoom(), undefined, candidate, command, at(1));
    expect(decision).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    if (!decision.ok) expect(decision.error.message).toContain(SCRATCHPAD_TOO_LONG);
  });
});
