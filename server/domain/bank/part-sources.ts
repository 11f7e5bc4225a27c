import { z } from "zod";

/**
 * Where a question's parts come from in the document they were imported from (docs/bank-format.md,
 * "Sources"), and the passages of that document shown beside them. Shared by the bank, its interchange
 * format, an interview's plan snapshot and the views that open a part's source.
 */

const lineSchema = z.number().int().positive();

export const lineRangeSchema = z.object({ from: lineSchema, to: lineSchema }).refine((range) => range.from <= range.to, "from must not be after to");
export type LineRange = z.infer<typeof lineRangeSchema>;

/**
 * Where one part of a question comes from: 1-based lines, inclusive, of the text the importer read (for a
 * converted format, of the Markdown made from it, as `source.line` is). `origin` says what those lines are
 * to the part: "document", written there; "derived", what the importer made it from (key points made from
 * the rubric's look-fors, a rubric made from the answer); "added" and "edited", by a person in a correction,
 * with no lines (a person's words are nowhere in the document).
 */
export const partSourceSchema = z.object({
  lines: lineRangeSchema.nullable(),
  origin: z.enum(["document", "derived", "added", "edited"]),
});
export type PartSource = z.infer<typeof partSourceSchema>;

/**
 * The sources of a question's parts, index for index with them: every rubric criterion (and each of its
 * look-fors), key point, follow-up and red flag, and the example score.
 */
export const partSourcesSchema = z.object({
  rubric: z.array(z.object({ criterion: partSourceSchema, lookFor: z.array(partSourceSchema) })),
  keyPoints: z.array(partSourceSchema),
  followUps: z.array(partSourceSchema),
  redFlags: z.array(partSourceSchema),
  exampleScore: partSourceSchema.nullable(),
});
export type PartSources = z.infer<typeof partSourcesSchema>;

/** Lines of the document from `from` on, as the importer read them. */
export const sourcePassageSchema = z.object({ from: lineSchema, lines: z.array(z.string()) });
export type SourcePassage = z.infer<typeof sourcePassageSchema>;

/** Lines shown above and below a part's own. */
export const PASSAGE_CONTEXT = 3;
/** A part whose lines run longer (a rubric made from a long answer) shows its first lines. */
export const MAX_PASSAGE_LINES = 120;

/** Every line range the sources name. */
export function sourceRanges(sources: PartSources): LineRange[] {
  const all = [
    ...sources.rubric.flatMap((c) => [c.criterion, ...c.lookFor]),
    ...sources.keyPoints,
    ...sources.followUps,
    ...sources.redFlags,
    ...(sources.exampleScore ? [sources.exampleScore] : []),
  ];
  return all.flatMap((source) => (source.lines ? [source.lines] : []));
}

/** What a part's passage shows: its lines (the first MAX_PASSAGE_LINES of them) with PASSAGE_CONTEXT around. */
export function passageRange(range: LineRange): LineRange {
  return { from: Math.max(1, range.from - PASSAGE_CONTEXT), to: Math.min(range.to, range.from + MAX_PASSAGE_LINES - 1) + PASSAGE_CONTEXT };
}

/** The few windows of the document that hold every part's passage: overlapping or adjacent ones joined. */
export function passageWindows(ranges: readonly LineRange[]): LineRange[] {
  const sorted = ranges.map(passageRange).sort((a, b) => a.from - b.from);
  const windows: LineRange[] = [];
  for (const range of sorted) {
    const last = windows.at(-1);
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else windows.push({ ...range });
  }
  return windows;
}

/** The windows of `text` (split into lines as it was read) around every line range `sources` name. */
export function passagesOfText(text: string, sources: readonly PartSources[]): SourcePassage[] {
  const windows = passageWindows(sources.flatMap(sourceRanges));
  if (windows.length === 0) return [];
  const lines = text.split("\n");
  return windows.flatMap((w) => (w.from <= lines.length ? [{ from: w.from, lines: lines.slice(w.from - 1, w.to) }] : []));
}

/** A part's passage cut from the windows loaded for its question; null when they do not hold it. */
export function passageFor(passages: readonly SourcePassage[], range: LineRange): SourcePassage | null {
  const want = passageRange(range);
  const window = passages.find((p) => p.from <= range.from && p.from + p.lines.length - 1 >= range.from);
  if (!window) return null;
  const from = Math.max(want.from, window.from);
  const to = Math.min(want.to, window.from + window.lines.length - 1);
  return { from, lines: window.lines.slice(from - window.from, to - window.from + 1) };
}

/**
 * Where an interview's question came from, as planned: its parts' sources and the passages around them. For the
 * interviewer's side only: the passages hold the answers.
 */
export const questionProvenanceSchema = z.object({ sources: partSourcesSchema, passages: z.array(sourcePassageSchema) });
export type QuestionProvenance = z.infer<typeof questionProvenanceSchema>;
