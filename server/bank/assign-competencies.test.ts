import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPETENCIES, type CompetencySet } from "@/server/domain/scoring/competency-set";
import { assignCompetencies } from "./assign-competencies";
import { bankDocumentSchema, type BankDocument } from "./bank-format";
import { parseBankDocument } from "./parse-bank-document";

const SEEDS = new URL("../../content/banks/", import.meta.url);
const seeds: BankDocument[] = readdirSync(SEEDS)
  .filter((name) => /\.(?:txt|md)$/.test(name))
  .map((name) => parseBankDocument({ bytes: readFileSync(new URL(name, SEEDS)), sourceFile: name }));
const criteria = seeds.flatMap((doc) => doc.questions.flatMap((question) => question.rubric.map((criterion) => ({ doc, question, criterion }))));
const competencyOfTitle = (title: string, prompt?: RegExp) =>
  criteria.find((entry) => entry.criterion.title === title && (!prompt || prompt.test(entry.question.prompt)))?.criterion.competency;

describe("the importer's competency pass on the bundled documents", () => {
  it("gives every criterion one competency of the default set, and uses every competency of it", () => {
    const keys = DEFAULT_COMPETENCIES.map((competency) => competency.key);
    expect(criteria.length).toBeGreaterThan(300);
    for (const { criterion } of criteria) expect(keys).toContain(criterion.competency);
    expect(new Set(criteria.map(({ criterion }) => criterion.competency))).toEqual(new Set(keys));
    for (const doc of seeds) expect(doc.competencies).toEqual(DEFAULT_COMPETENCIES);
  });

  it("never makes a sentence of an answer (or any criterion's title) a competency", () => {
    const sentence = "We don't - we use at-least-once with idempotent consumers";
    expect(competencyOfTitle(sentence)).toBe("data");
    const names = new Set(DEFAULT_COMPETENCIES.map((competency) => competency.name));
    // What /progress charts is a set name; of the 300-odd criterion titles, none becomes one.
    for (const { criterion } of criteria) expect(names.has(criterion.title)).toBe(false);
  });

  it.each([
    ["Security Awareness", "security"],
    ["Authentication Expertise", "security"],
    ["Communication Skills", "communication"],
    ["Communication Strategy", "communication"],
    ["Leader election", "system-design"],
    ["Saga pattern", "system-design"],
    ["Online DDL", "data"],
    ["Eviction policies", "data"],
    ["Graceful shutdown", "reliability"],
    ["What if Redis goes down?", "reliability"],
    ["Post-Mortem (Document)", "reliability"],
    ["Growth Mindset", "collaboration"],
    ["Stakeholder Management", "collaboration"],
    ["Complexity Analysis", "coding"],
    ["Edge Cases Handled", "coding"],
    ["Problem Decomposition", "problem-solving"],
    ["Cost-Benefit Analysis", "problem-solving"],
    ["GraphQL Expertise", "technical-depth"],
    ["Vector Clocks", "technical-depth"],
  ])("reads %s as %s", (title, key) => {
    expect(competencyOfTitle(title)).toBe(key);
  });

  it("lets the question decide for a title that names no area", () => {
    expect(competencyOfTitle("Key points", /^How do you handle on-call\?/)).toBe("reliability");
    expect(competencyOfTitle("Key points", /^How do you ensure knowledge sharing in a team\?/)).toBe("collaboration");
    expect(competencyOfTitle("Covers the reference answer", /clustered indexes per table/)).toBe("data");
  });
});

describe("a document's own competency set", () => {
  const seed = seeds.find((doc) => doc.sourceFile.startsWith("2-"))!;
  const unassigned: BankDocument = { ...seed, questions: seed.questions.map((q) => ({ ...q, rubric: q.rubric.map(({ competency: _, ...c }) => c) })) };
  const proposals = (set: CompetencySet) => assignCompetencies(unassigned, set);

  it("keeps a criterion's competency by key when the set renames it", () => {
    const renamed = DEFAULT_COMPETENCIES.map((c) => (c.key === "security" ? { ...c, name: "AppSec" } : c));
    expect(proposals(renamed).questions).toEqual(seed.questions);
  });

  it("proposes only competencies of the set, and an added one when the criterion names it", () => {
    const set: CompetencySet = [
      ...DEFAULT_COMPETENCIES.filter((c) => c.key !== "security"),
      { key: "payments", name: "Payments & money", description: "Ledgers, settlement, reconciliation." },
    ];
    const doc = proposals(set);
    const keys = new Set(set.map((c) => c.key));
    for (const q of doc.questions) for (const c of q.rubric) expect(keys.has(c.competency!)).toBe(true);
    const found = (title: string) => doc.questions.flatMap((q) => q.rubric).find((c) => c.title === title)?.competency;
    expect(found("Security Awareness")).not.toBe("security");
    expect(found("Financial Integrity")).toBe("data");
    expect(found("Financial Literacy")).toBe("collaboration");
    expect(
      proposals([...set, { key: "money", name: "Financial skills", description: "" }])
        .questions.flatMap((q) => q.rubric)
        .find((c) => c.title === "Financial Literacy")?.competency,
    ).toBe("money");
  });
});

describe("the interchange format", () => {
  it("reads a file written before competencies: the default set, and criteria without one", () => {
    const seed = seeds[0]!;
    const { competencies: _, ...old } = seed;
    const legacy = { ...old, questions: old.questions.map((q) => ({ ...q, rubric: q.rubric.map(({ competency: __, ...c }) => c) })) };
    const parsed = bankDocumentSchema.parse(legacy);
    expect(parsed.competencies).toEqual(DEFAULT_COMPETENCIES);
    expect(assignCompetencies(parsed)).toEqual(seed);
  });

  it("refuses a criterion naming a competency the document does not have, saying where", () => {
    const seed = seeds[0]!;
    const bad = { ...seed, questions: [{ ...seed.questions[0]!, rubric: [{ title: "X", lookFor: [], competency: "astrology" }] }] };
    const result = bankDocumentSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["questions", 0, "rubric", 0, "competency"],
      message: "“astrology” is not one of the document's competencies",
    });
  });
});
