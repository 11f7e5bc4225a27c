import type { PartSource, PartSources } from "./bank-format";
import type { Derivation, UnkeyedQuestion } from "./normalise-question";

/**
 * Where each part of a question stands in the text the importer read. The parts are cleaned text (no
 * Markdown markers, bullets, emoji or numbering; sentence case), so they are found by their words: the
 * text and each part become runs of lower-case words, and a part's lines are those its run of words spans.
 * A part is looked for in its question's lines (from its prompt to the next question's), then, for what a
 * section states for all its questions (red flags, look-fors), in the lines above, then anywhere (a list of
 * common mistakes at the end of a document).
 */

export interface LineRange {
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** How far above a question a section's shared notes may stand. */
const LINES_ABOVE = 400;
/** A part too changed to be found whole is placed by its first and last words. */
const ENDS = 6;
/** Look-fors found this far below their criterion's title still share its passage. */
const TITLE_ABOVE = 12;
/** Places of a part's words weighed before taking the best so far. */
const MAX_PLACES = 64;

const wordsOf = (text: string): string[] => text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
const run = (words: readonly string[]) => ` ${words.join(" ")} `;

export class SourceText {
  readonly lineCount: number;
  /** Every word of the text, each preceded by a space, line after line. */
  private readonly words: string;
  /** Offset in `words` of the space before line n's first word (1-based; one past the end at lineCount + 1). */
  private readonly starts: number[];
  private readonly lineStarts: ReadonlySet<number>;
  private readonly placed = new Map<string, LineRange | null>();

  constructor(text: string) {
    const lines = text.split("\n");
    this.lineCount = lines.length;
    const starts = [0, 0];
    let words = "";
    for (const line of lines) {
      const found = wordsOf(line);
      if (found.length > 0) words += ` ${found.join(" ")}`;
      starts.push(words.length);
    }
    this.words = `${words} `;
    this.starts = starts;
    this.lineStarts = new Set(starts);
  }

  /** The line holding the character at `offset` of `words`. */
  private lineAt(offset: number): number {
    let lo = 1;
    let hi = this.lineCount;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? Infinity) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private offsetOf(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.lineCount + 1)] ?? this.words.length;
  }

  /**
   * Where in `within` the words stand in a row: a place where they are whole lines (a list entry, a title)
   * before one inside a sentence ("a hash map from value to index" in the answer above the key point), then
   * the first such place, or with `last` the last.
   */
  private search(words: readonly string[], within: LineRange, last = false): LineRange | null {
    if (words.length === 0) return null;
    const begin = this.offsetOf(within.from);
    const end = Math.min(this.offsetOf(within.to + 1) + 1, this.words.length);
    const needle = run(words);
    const slice = this.words.slice(begin, end);
    let best = -1;
    let bestFit = -1;
    let at = last ? slice.lastIndexOf(needle) : slice.indexOf(needle);
    for (let seen = 0; at !== -1 && seen < MAX_PLACES && bestFit < 2; seen++) {
      const fit = this.fit(begin + at, needle.length);
      if (fit > bestFit) [best, bestFit] = [at, fit];
      at = last ? (at === 0 ? -1 : slice.lastIndexOf(needle, at - 1)) : slice.indexOf(needle, at + 1);
    }
    if (best === -1) return null;
    return { from: this.lineAt(begin + best + 1), to: this.lineAt(begin + best + needle.length - 2) };
  }

  /** 2 when a run of words found at `at` is whole lines (but for a list number or letter before it), 1 when it starts or ends one. */
  private fit(at: number, length: number): number {
    const ends = this.lineStarts.has(at + length - 1) || at + length === this.words.length;
    const space = at === 0 ? -1 : this.words.lastIndexOf(" ", at - 1);
    const starts = this.lineStarts.has(at) || (this.lineStarts.has(space) && /^(?:\d{1,2}|[a-z])$/.test(this.words.slice(space + 1, at)));
    return Number(starts) + Number(ends);
  }

  /**
   * The lines of `text` within `region`, else (with `above`) the last place above it; a long text rewritten in
   * part is placed by its first and last words.
   */
  find(text: string, region: LineRange, above = false): LineRange | null {
    const words = wordsOf(text);
    const whole = this.search(words, region) ?? (above ? (this.search(words, this.before(region), true) ?? this.anywhere(words)) : null);
    if (whole || words.length < ENDS * 2) return whole;
    const head = this.search(words.slice(0, ENDS), region);
    if (!head) return null;
    const tail = this.search(words.slice(-ENDS), { from: head.from, to: region.to });
    return tail && tail.to - head.from <= 40 ? { from: head.from, to: tail.to } : head;
  }

  /** The first place in the whole text; a section's notes are looked for by each of its questions, so once each. */
  private anywhere(words: readonly string[]): LineRange | null {
    const key = words.join(" ");
    let found = this.placed.get(key);
    if (found === undefined) {
      found = this.search(words, { from: 1, to: this.lineCount });
      this.placed.set(key, found);
    }
    return found;
  }

  private before(region: LineRange): LineRange {
    return { from: Math.max(1, region.from - LINES_ABOVE), to: Math.max(1, region.from - 1) };
  }
}

export const spanOf = (ranges: ReadonlyArray<LineRange | null>): LineRange | null => {
  const found = ranges.filter((r): r is LineRange => r !== null);
  if (found.length === 0) return null;
  return { from: Math.min(...found.map((r) => r.from)), to: Math.max(...found.map((r) => r.to)) };
};

const fromDocument = (lines: LineRange | null): PartSource => ({ lines, origin: "document" });
const derived = (lines: LineRange | null): PartSource => ({ lines, origin: "derived" });

function criterionSources(source: SourceText, question: UnkeyedQuestion, derivation: Derivation, region: LineRange): PartSources["rubric"] {
  return question.rubric.map((criterion, c) => {
    const made = c < derivation.ownCriteria && derivation.ownCriteriaDerived;
    const lookFor = criterion.lookFor.map((point) => source.find(point, region, true));
    const points = spanOf(lookFor);
    // A title is the line above its points ("Key Points to Cover:", "1. STATE RECOVERY"), when it is written at all.
    const titleRegion = points ? { from: Math.max(1, points.from - TITLE_ABOVE), to: points.to } : region;
    // A title no look-for places is looked for in the question's lines only: "Answers the question directly" is nowhere.
    const title = source.find(criterion.title, titleRegion);
    const lines = spanOf([title, points]) ?? (made ? derivation.answerLines : null);
    const mark = made ? derived : fromDocument;
    return { criterion: mark(lines), lookFor: lookFor.map(mark) };
  });
}

function followUpSources(source: SourceText, question: UnkeyedQuestion, region: LineRange): PartSource[] {
  return question.followUps.map((followUp) => {
    const prompt = source.find(followUp.prompt, region, true);
    const words = followUp.answer === null ? [] : wordsOf(followUp.answer);
    const after = prompt ? { from: prompt.to, to: Math.max(prompt.to, region.to) } : region;
    const answerEnd = words.length === 0 ? null : source.find(words.slice(-ENDS).join(" "), after);
    return fromDocument(prompt && answerEnd && answerEnd.to - prompt.from <= 200 ? { from: prompt.from, to: answerEnd.to } : prompt);
  });
}

function exampleScoreSource(source: SourceText, question: UnkeyedQuestion, region: LineRange): PartSource | null {
  const score = question.exampleScore;
  if (!score) return null;
  const reasons = score.reasons.map((reason) => source.find(reason, region));
  const grade = source.find(`${score.score} ${score.outOf}`, region);
  return fromDocument(spanOf([grade, ...reasons]));
}

/** The sources of a question's parts, found in `region`: the lines from its prompt to the next question's. */
export function locateSources(source: SourceText, question: UnkeyedQuestion, derivation: Derivation, region: LineRange): PartSources {
  const rubric = criterionSources(source, question, derivation, region);
  // Key points made from the rubric come from its look-fors' lines.
  const lookForSource = new Map(question.rubric.flatMap((criterion, c) => criterion.lookFor.map((point, l) => [point, rubric[c]?.lookFor[l]] as const)));
  return {
    rubric,
    keyPoints: question.keyPoints.map((point) =>
      derivation.keyPointsFromRubric ? derived(lookForSource.get(point)?.lines ?? source.find(point, region, true)) : fromDocument(source.find(point, region)),
    ),
    followUps: followUpSources(source, question, region),
    redFlags: question.redFlags.map((flag) => fromDocument(source.find(flag, region, true))),
    exampleScore: exampleScoreSource(source, question, region),
  };
}

/** Each question's lines: from its own first line to the line before the next question's. */
export function questionRegions(starts: readonly number[], lineCount: number): LineRange[] {
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  return starts.map((from) => {
    const next = sorted.find((line) => line > from);
    return { from, to: Math.max(from, (next ?? lineCount + 1) - 1) };
  });
}
