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

const wordsOf = (text: string): string[] => text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
const run = (words: readonly string[]) => ` ${words.join(" ")} `;

export class SourceText {
  readonly lineCount: number;
  /** Every word of the text, each preceded by a space, line after line. */
  private readonly words: string;
  /** Offset in `words` of the space before line n's first word (1-based; one past the end at lineCount + 1). */
  private readonly starts: number[];

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

  /** The first place in `within` where the words stand in a row; `last` takes the last place instead. */
  private search(words: readonly string[], within: LineRange, last = false): LineRange | null {
    if (words.length === 0) return null;
    const begin = this.offsetOf(within.from);
    const end = Math.min(this.offsetOf(within.to + 1) + 1, this.words.length);
    const needle = run(words);
    const slice = this.words.slice(begin, end);
    const at = last ? slice.lastIndexOf(needle) : slice.indexOf(needle);
    if (at === -1) return null;
    return { from: this.lineAt(begin + at + 1), to: this.lineAt(begin + at + needle.length - 2) };
  }

  /**
   * The lines of `text` within `region`, else (with `above`) the last place above it; a long text rewritten in
   * part is placed by its first and last words.
   */
  find(text: string, region: LineRange, above = false): LineRange | null {
    const words = wordsOf(text);
    const whole = this.search(words, region) ?? (above ? (this.search(words, this.before(region), true) ?? this.search(words, this.everything)) : null);
    if (whole || words.length < ENDS * 2) return whole;
    const head = this.search(words.slice(0, ENDS), region);
    if (!head) return null;
    const tail = this.search(words.slice(-ENDS), { from: head.from, to: region.to });
    return tail && tail.to - head.from <= 40 ? { from: head.from, to: tail.to } : head;
  }

  private get everything(): LineRange {
    return { from: 1, to: this.lineCount };
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
    const title = source.find(criterion.title, titleRegion, points === null);
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
