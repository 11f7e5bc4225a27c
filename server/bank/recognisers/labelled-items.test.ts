import { describe, expect, it } from "vitest";
import type { ListItem, Unit } from "../blocks";
import { plainInline } from "../inline-text";
import { recogniseFieldLabel } from "./field-label";
import { recogniseLabelledItems } from "./labelled-items";
import type { RecogniserContext } from "./recogniser";

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
const item = (md: string, children: ListItem[] = []): ListItem => ({ text: plainInline(md), md, lines: [md], children });
const list = (...items: ListItem[]): Unit => ({ kind: "list", ordered: false, md: items.map((i) => `- ${i.md}`).join("\n"), items, line: 5, block: 3 });
const line = (md: string, block = 1): Unit => ({ kind: "line", md, text: plainInline(md), line: 4, block });
/** Each group as [part, entries' Markdown]; none when the list is not one of labelled entries. */
const mds = (marker: ReturnType<typeof recogniseLabelledItems>): [string | null, string[]][] | null =>
  marker?.type === "labelledItems" ? marker.groups.map((g) => [g.field, g.items.map((i) => i.md)]) : null;

describe("bullets that carry their part's label", () => {
  it("send each run to its part and leave the unlabelled entries where the list is", () => {
    const marker = recogniseLabelledItems(
      list(
        item("Decouples the producer from the consumer"),
        item("Key point: decoupling in time"),
        item("**Follow-up:** What if a message is processed twice?"),
        item("Red flag: says a queue makes calls synchronous"),
        item("Hint: think about a consumer that is down"),
      ),
      ctx(),
    );
    expect(mds(marker)).toEqual([
      [null, ["Decouples the producer from the consumer"]],
      ["keyPoints", ["decoupling in time"]],
      ["followUps", ["What if a message is processed twice?"]],
      ["redFlags", ["says a queue makes calls synchronous"]],
      ["notes", ["think about a consumer that is down"]],
    ]);
  });

  it("read a labelled entry over nested bullets as a part of its own", () => {
    const marker = recogniseLabelledItems(list(item("Follow-ups:", [item("How would you scale it?"), item("And shard it?")])), ctx());
    expect(mds(marker)).toEqual([["followUps", ["How would you scale it?", "And shard it?"]]]);
  });

  it("give a plural label over short points one entry per point; a sentence with commas stays whole", () => {
    expect(mds(recogniseLabelledItems(list(item("Key points: B-tree lookup, faster reads, slower writes"), item("Red flags: none")), ctx()))).toEqual([
      ["keyPoints", ["B-tree lookup", "faster reads", "slower writes"]],
      ["redFlags", ["none"]],
    ]);
    expect(mds(recogniseLabelledItems(list(item("Follow-ups: Why a B-tree? When is it not used?"), item("x")), ctx()))?.[0]).toEqual([
      "followUps",
      ["Why a B-tree?", "When is it not used?"],
    ]);
    const sentence = "Key point: the producer keeps working when the consumer is slow, down, or being redeployed by its team";
    expect(mds(recogniseLabelledItems(list(item(sentence), item("x")), ctx()))?.[0]).toEqual(["keyPoints", [sentence.replace("Key point: ", "")]]);
  });

  it("are not an answer's own titled points, options, or a list outside a question", () => {
    expect(
      recogniseLabelledItems(list(item("Consistency: every node sees the same data"), item("Availability: every request gets an answer")), ctx()),
    ).toBeNull();
    expect(recogniseLabelledItems(list(item("A: 1"), item("B: 2")), ctx())).toBeNull();
    expect(recogniseLabelledItems(list(item("Key point: a"), item("Key point: b")), ctx({ inQuestion: false }))).toBeNull();
  });
});

describe("a label on a line of its own", () => {
  it("is a label in bold, with a colon, or right above a list; words in a sentence are not", () => {
    const next = list(item("How would you scale it?"));
    expect(recogniseFieldLabel(line("**Follow-ups**"), ctx())).toEqual({ type: "field", field: "followUps", inline: null });
    expect(recogniseFieldLabel(line("__Red flags__"), ctx())).toEqual({ type: "field", field: "redFlags", inline: null });
    expect(recogniseFieldLabel(line("Follow-ups"), ctx({ next }))).toEqual({ type: "field", field: "followUps", inline: null });
    expect(recogniseFieldLabel(line("Follow-ups"), ctx())).toBeNull();
    expect(recogniseFieldLabel(line("Follow-ups", 3), ctx({ next }))).toBeNull();
    expect(recogniseFieldLabel(line("**Two Sum**"), ctx())).toBeNull();
    expect(recogniseFieldLabel(line("**Red flags** are what a weak answer shows"), ctx())).toBeNull();
  });

  it("an example label keeps its line in the part it illustrates", () => {
    expect(recogniseFieldLabel(line("**Example 1:**"), ctx())).toEqual({ type: "examples" });
    expect(recogniseFieldLabel(line("Example: nums = [2, 7], target = 9"), ctx())).toEqual({ type: "examples" });
  });
});
