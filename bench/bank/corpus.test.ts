import { describe, expect, it } from "vitest";
import { answerAttached, comparable, followUpsAttached, HALVES, type Half, halfOf, loadLabels, percent, questionFor, scoreDocument, totalsOf } from "./corpus";

/** The importer's targets, for each half of the corpus. */
const TARGETS = { recall: 95, answers: 90, followUps: 90 };

/**
 * Where a half is below a target, it is held to what it measured when that was seen (a ratchet: the
 * measured figure rounded down to a tenth of a percent, so the measured count passes and one sample fewer
 * fails), and the gap stays visible here instead of being tuned or labelled away. Raise a floor when the
 * half improves; drop it once the half reaches the target. Never lower one to let a change through.
 * Measured on the 90-document corpus from 81 repositories (npm run -s bench:bank -- --corpus). Floors are
 * remeasured, not lowered, when documents join: the half is then a different set of documents.
 */
const FLOORS: Record<Half, Partial<typeof TARGETS>> = {
  // Tuning: every target reached: recall 502/509 = 98.6% (none refused), answers 373/375 = 99.5%, follow-ups 61/61 = 100%.
  tuning: {},
  "held-out": {
    // Target recall ≥ 95%; measured 403/457 = 88.1% (none refused), raised from 388/457 = 84.9% by the twenty-second
    // session (asking siblings beside the recognisers, Org mode). The seventeenth session's sixteen new held-out
    // documents (6, 7, then 3) had taken the half from 263/289 = 91.0% on the 27 before to 315/358, 360/429, then 388/457.
    recall: 88.1,
    // Target answers ≥ 90%; measured 296/355 = 83.3%, raised from 282/355 = 79.4% (164/200 = 82.0% on the 27 before).
    answers: 83.3,
    // Target follow-ups ≥ 90%; measured 20/27 = 74.1% (20/23 on the 27 before; the new documents label 4, none found).
    followUps: 74.0,
  },
};

/**
 * The target is that the importer refuses none of the documents. The ones it refused when they were
 * added are named here, per half, so that each shows; any other refusal fails, and a document that stops
 * being refused must be taken off this list.
 */
const REFUSED: Record<Half, string[]> = {
  tuning: [],
  "held-out": [],
};

/**
 * The importer's targets on the labelled public corpus (npm run bench:bank -- --corpus prints the
 * per-document table and each half's totals), asserted for each half separately: the importer is tuned on
 * the tuning half only (halfOf), and the held-out half shows whether that carries over. A change that loses
 * questions or answers on real documents fails here.
 */
describe("the labelled corpus", () => {
  const scores = loadLabels().map(scoreDocument);

  it("has at least 90 documents from 80 or more repositories, with 7 or more labelled samples each, in both halves", () => {
    expect(scores.length).toBeGreaterThanOrEqual(90);
    expect(new Set(scores.map((s) => s.repo)).size).toBeGreaterThanOrEqual(80);
    // Seven: pexpect's FAQ asks seven questions, every one labelled.
    for (const s of scores) expect(s.samples, s.file).toBeGreaterThanOrEqual(7);
    for (const half of HALVES) expect(scores.filter((s) => s.half === half).length, half).toBeGreaterThanOrEqual(5);
  });

  describe.each(HALVES)("the %s half", (half) => {
    const t = totalsOf(scores.filter((s) => s.half === half));
    const floor = (target: keyof typeof TARGETS) => FLOORS[half][target] ?? TARGETS[target];

    it("finds the labelled questions and attaches their answers (recall ≥ 95%, answers ≥ 90%, or the half's floor)", () => {
      expect(percent(t.found, t.samples), `recall ${t.found}/${t.samples}`).toBeGreaterThanOrEqual(floor("recall"));
      expect(percent(t.attached, t.answers), `answers ${t.attached}/${t.answers}`).toBeGreaterThanOrEqual(floor("answers"));
    });

    it("attaches the labelled follow-ups to their question (≥ 90%, or the half's floor)", () => {
      expect(percent(t.followUpsAttached, t.followUps), `follow-ups ${t.followUpsAttached}/${t.followUps}`).toBeGreaterThanOrEqual(floor("followUps"));
    });

    it("refuses none of the half's documents but those it is known to refuse (target: none)", () => {
      expect([...t.refused].sort(), `refused ${t.refused.length} of ${t.documents}`).toEqual([...REFUSED[half]].sort());
    });
  });

  it("keeps each floor below its target (a half that reached a target loses its floor)", () => {
    for (const half of HALVES)
      for (const [target, value] of Object.entries(FLOORS[half])) expect(value, `${half} ${target}`).toBeLessThan(TARGETS[target as keyof typeof TARGETS]);
  });

  it("splits by repository: halfOf is fixed by the repository's name alone", () => {
    expect(halfOf("sudheerj/reactjs-interview-questions")).toBe("tuning");
    expect(halfOf("donnemartin/system-design-primer")).toBe("held-out");
    for (const s of scores) expect(s.half, s.file).toBe(halfOf(s.repo));
  });
});

describe("the corpus scorer", () => {
  const doc = (prompts: string[], answer: string | null = null) =>
    ({
      questions: prompts.map((prompt, n) => ({
        prompt,
        answer,
        context: null,
        followUps: [],
        meta: { title: null },
        source: { line: 10 * (n + 1) },
      })),
    }) as never;

  it("matches a question by its words, not by a fragment of it", () => {
    const sample = { line: 10, question: "1. What is a closure?", answer: null };
    expect(questionFor(doc(["What is a closure?"]), sample)).toBeDefined();
    expect(questionFor(doc(["Closure"]), sample)).toBeUndefined();
    expect(questionFor(doc(["What is a closure in JavaScript, and when would you use one in a real codebase?"]), sample)).toBeUndefined();
  });

  it("takes the nearest of several questions worded alike, and needs the answer phrase itself", () => {
    const sample = { line: 21, question: "What's the output?", answer: "Because of hoisting" };
    const found = questionFor(doc(["What's the output?", "What's the output?"], "It prints 1 because of **hoisting**."), sample);
    expect(found?.source.line).toBe(20);
    expect(found && answerAttached(found, sample)).toBe(true);
    expect(found && answerAttached(found, { ...sample, answer: "Because of closures" })).toBe(false);
    expect(comparable("[Two Sum](https://x.y/two-sum)")).toBe("two sum");
  });

  it("counts a labelled follow-up only when the question carries it as a follow-up", () => {
    const question = { prompt: "What was the hardest bug?", followUps: [{ prompt: "How did you fix it?" }] } as never;
    const sample = { line: 1, question: "What was the hardest bug?", answer: null, followUps: ["How did you fix it?", "What did you learn?"] };
    expect(followUpsAttached(question, sample)).toBe(1);
    expect(followUpsAttached(question, { ...sample, followUps: undefined })).toBe(0);
  });
});
