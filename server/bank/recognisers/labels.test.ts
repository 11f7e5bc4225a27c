import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Unit } from "../blocks";
import { plainInline } from "../inline-text";
import { recogniseFieldLabel } from "./field-label";
import { recogniseFollowUpLabel } from "./follow-up-label";
import { recogniseLabelledItems } from "./labelled-items";
import { FOLLOW_UP_LINE, PART_LABELS, fieldForLabel, type LabelField } from "./labels";
import type { RecogniserContext } from "./recogniser";
import { labelText } from "./recogniser";
import { parseBankDocumentWithReport } from "../parse-bank-document";

const DOC = readFileSync(new URL("../../../docs/bank-format.md", import.meta.url), "utf8");

/** The bank field each row of the doc's table names, as the label table calls it. */
const FIELD_OF_DOC: Record<string, LabelField> = {
  answer: "answer",
  keyPoints: "keyPoints",
  rubric: "rubric",
  "meta.interviewerNotes": "notes",
  redFlags: "redFlags",
  followUps: "followUps",
  exampleScore: "score",
  "exampleScore.reasons": "scoreReasons",
  "meta.answerFramework": "framework",
};

/** The "Labels" table of docs/bank-format.md: each row's field and its spellings. */
function documentedLabels(): { field: LabelField; spellings: string[] }[] {
  const section = DOC.slice(DOC.indexOf("### Labels"));
  const table = section.slice(section.indexOf("| part | field | spellings |"));
  const rows = table.split("\n").slice(2);
  return rows
    .slice(
      0,
      rows.findIndex((row) => !row.startsWith("|")),
    )
    .map((row) => {
      const [, , fieldCell = "", spellingsCell = ""] = row.split("|").map((cell) => cell.trim());
      const named = /^`([^`]+)`$/.exec(fieldCell)?.[1];
      const field = named === undefined ? "examples" : FIELD_OF_DOC[named];
      if (!field) throw new Error(`the doc names a field the label table does not know: ${fieldCell}`);
      return { field, spellings: [...spellingsCell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "") };
    });
}

const ctx = (over: Partial<RecogniserContext> = {}): RecogniserContext => ({
  inQuestion: true,
  headingQuestionAwaitingAnswer: false,
  hasFollowUps: false,
  inFollowUp: false,
  field: "answer",
  next: null,
  section: null,
  ...over,
});
const line = (md: string): Unit => ({ kind: "line", md, text: plainInline(md), line: 1, block: 1 });
const heading = (md: string): Unit => ({ kind: "heading", depth: 3, md: `### ${md}`, text: plainInline(md), line: 1, block: 1 });
const list = (...items: string[]): Extract<Unit, { kind: "list" }> => ({
  kind: "list",
  ordered: false,
  md: items.map((i) => `- ${i}`).join("\n"),
  items: items.map((md) => ({ text: plainInline(md), md, lines: [md], children: [] })),
  line: 1,
  block: 2,
});

/** What a recogniser makes of a label on its own, as the field the label table names. */
function fieldOf(unit: Unit, over: Partial<RecogniserContext> = {}): LabelField | null {
  const marker = recogniseFieldLabel(unit, ctx(over));
  if (marker?.type === "examples") return "examples";
  return marker?.type === "field" ? marker.field : null;
}

describe("the labels docs/bank-format.md promises", () => {
  const documented = documentedLabels();

  it("are listed for every part the label table knows, and the doc lists no other", () => {
    expect(new Set(documented.map((row) => row.field))).toEqual(new Set(PART_LABELS.map((label) => label.field)));
    expect(documented.every((row) => row.spellings.length > 0)).toBe(true);
  });

  it("are each read as their part", () => {
    for (const { field, spellings } of documented) for (const spelling of spellings) expect(fieldForLabel(labelText(spelling)), spelling).toBe(field);
  });

  it("are read in every form people write them: bold, bold with a colon, a heading, a line with a colon", () => {
    for (const { field, spellings } of documented) {
      // One or three letters ("A", "Ans") are labels only with a colon: "## A" is a section, "**Ans**" a word.
      for (const spelling of spellings.filter((s) => s.length > 3)) {
        expect(fieldOf(line(`**${spelling}**`)), `**${spelling}**`).toBe(field);
        expect(fieldOf(line(`**${spelling}:**`)), `**${spelling}:**`).toBe(field);
        expect(fieldOf(heading(spelling)), `### ${spelling}`).toBe(field);
      }
      for (const spelling of spellings) expect(fieldOf(line(`${spelling}:`)), `${spelling}:`).toBe(field);
    }
  });

  it("as bullets that carry them, for the parts a bullet can name", () => {
    for (const { field, spellings } of documented.filter((row) => ["keyPoints", "rubric", "notes", "redFlags", "followUps"].includes(row.field))) {
      for (const spelling of spellings) {
        const marker = recogniseLabelledItems(list(`${spelling}: the point`, "an unlabelled entry"), ctx());
        expect(marker, spelling).toEqual({
          type: "labelledItems",
          groups: [
            { field, items: [expect.objectContaining({ md: "the point" })] },
            { field: null, items: [expect.objectContaining({ md: "an unlabelled entry" })] },
          ],
        });
      }
    }
  });

  it("and a follow-up asked on its label's own line", () => {
    const forms = [
      ...DOC.slice(DOC.indexOf("A follow-up can also be asked on its label's own line"))
        .split("\n\n")[0]!
        .matchAll(/`([^`]+…)`/g),
    ].map((m) => m[1] ?? "");
    expect(forms.length).toBeGreaterThanOrEqual(5);
    for (const form of forms) {
      expect(FOLLOW_UP_LINE.test(form.replace("…", "Why?")), form).toBe(true);
      expect(recogniseFollowUpLabel(line(`**${form.replace("…", "").trim()}** How would you scale it?`), ctx()), form).toMatchObject({
        prompt: "How would you scale it?",
      });
    }
  });

  it("and what follows any of them on its own line is kept in the question or listed as unused, never dropped", () => {
    for (const { spellings } of documented) {
      for (const spelling of spellings) {
        for (const text of [
          `# Notes\n\n## What is a cache?\n\nA fast store.\n\n**${spelling}:** zebra quokka walrus\n`,
          `# Notes\n\n## What is a cache?\n\nA fast store.\n\n**${spelling}**\n\nZebra quokka walrus.\n`,
        ]) {
          const { document, report } = parseBankDocumentWithReport({ bytes: new TextEncoder().encode(text), sourceFile: "notes.md" });
          const kept = JSON.stringify(document.questions.map(({ source: _source, ...rest }) => rest)) + JSON.stringify(report.unused);
          expect(kept.toLowerCase(), `${spelling} in ${text}`).toContain("zebra quokka walrus");
        }
      }
    }
  });
});
