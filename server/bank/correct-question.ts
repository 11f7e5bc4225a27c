import type { CodeSpec } from "@/server/domain/code/code-spec";
import { alignedPartSources, type BankQuestion, type FollowUp, type PartSource, type PartSources, type RubricCriterion } from "./bank-format";
import type { Unit } from "./blocks";
import { extractCriteria } from "./extract-items";
import { spanOf } from "./locate-sources";
import { ANSWERS_DIRECTLY, cleanCriteria, keyPointsOf, unstatedCriteria } from "./normalise-question";
import { splitMarkdown } from "./split-markdown";

/**
 * A person's correction of a question, field by field; a field left out is not corrected. The import
 * review and the question editor send every field as shown, so a field counts as corrected only when it
 * differs from what is stored.
 */
export interface QuestionEdit {
  prompt?: string;
  context?: string | null;
  answer?: string | null;
  keyPoints?: string[];
  followUps?: FollowUp[];
  redFlags?: string[];
  rubric?: RubricCriterion[];
  difficulty?: string | null;
  tags?: string[];
  code?: CodeSpec | null;
}

/** Markdown read back into the units the importer derives from. */
const unitsOf = (md: string | null): Unit[] => (md === null ? [] : splitMarkdown(md).units);

/** What the importer makes the rubric when the document states none, from an answer and follow-ups as stored. */
function criteriaOfAnswer(answer: string | null, followUps: readonly FollowUp[]): RubricCriterion[] {
  const criteria = cleanCriteria(
    unstatedCriteria(
      unitsOf(answer),
      followUps.map((f) => ({ ...f, answer: unitsOf(f.answer) })),
    ),
  );
  return criteria.length > 0 ? criteria : [ANSWERS_DIRECTLY];
}

/** What the importer makes of a document's key points as criteria ("Key points", or one per "Title: point"). */
function criteriaOfKeyPoints(keyPoints: readonly string[]): RubricCriterion[] {
  if (keyPoints.length === 0) return [];
  const items = keyPoints.map((md) => ({ text: md, md, lines: [md], children: [] }));
  const list: Unit = { kind: "list", ordered: false, items, md: keyPoints.map((p) => `- ${p}`).join("\n"), line: 1, block: 0 };
  return cleanCriteria(extractCriteria([list], "Key points"));
}

const sameTexts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((text, i) => text === b[i]);
/** Criteria alike in what they say; the competency they are scored under is another matter. */
const sameCriteria = (a: readonly RubricCriterion[], b: readonly RubricCriterion[]) =>
  a.length === b.length && a.every((c, i) => c.title === b[i]?.title && sameTexts(c.lookFor, b[i]?.lookFor ?? []));
const sameRubric = (a: readonly RubricCriterion[], b: readonly RubricCriterion[]) => sameCriteria(a, b) && a.every((c, i) => c.competency === b[i]?.competency);
const sameFollowUps = (a: readonly FollowUp[], b: readonly FollowUp[]) =>
  a.length === b.length && a.every((f, i) => f.prompt === b[i]?.prompt && f.answer === b[i]?.answer && sameTexts(f.lookFor, b[i]?.lookFor ?? []));

/**
 * The rubric after a correction. A rubric the person left alone follows what it was derived from, when it
 * still is what the importer derived: the key points' criteria follow corrected key points, and a rubric
 * made from the answer (or the follow-ups) follows a corrected answer (or follow-ups). A rubric the
 * importer read from the document, or that someone edited, stays.
 */
function correctedRubric(stored: BankQuestion, edit: QuestionEdit, next: Pick<BankQuestion, "answer" | "keyPoints" | "followUps">): RubricCriterion[] {
  if (edit.rubric !== undefined && !sameRubric(edit.rubric, stored.rubric)) return edit.rubric;
  const fromKeyPoints = criteriaOfKeyPoints(stored.keyPoints);
  if (!sameTexts(next.keyPoints, stored.keyPoints) && fromKeyPoints.length > 0 && sameCriteria(stored.rubric.slice(0, fromKeyPoints.length), fromKeyPoints)) {
    const rest = stored.rubric.slice(fromKeyPoints.length);
    const followed = [...criteriaOfKeyPoints(next.keyPoints), ...rest];
    return followed.length > 0 ? followed : [ANSWERS_DIRECTLY];
  }
  const answerChanged = next.answer !== stored.answer || !sameFollowUps(next.followUps, stored.followUps);
  if (answerChanged && sameCriteria(stored.rubric, criteriaOfAnswer(stored.answer, stored.followUps))) return criteriaOfAnswer(next.answer, next.followUps);
  return stored.rubric;
}

/**
 * A stored question with a person's correction applied, and what was derived from a corrected field
 * following it (`correctedRubric`; key points that were the rubric's look-fors follow the rubric). What the
 * person corrected is kept as they wrote it. Competencies of new criteria are left for the caller to propose.
 */
export function correctQuestion(stored: BankQuestion, edit: QuestionEdit): BankQuestion {
  const answer = edit.answer !== undefined ? edit.answer : stored.answer;
  const keyPointsEdited = edit.keyPoints !== undefined && !sameTexts(edit.keyPoints, stored.keyPoints);
  const keyPoints = keyPointsEdited && edit.keyPoints ? edit.keyPoints : stored.keyPoints;
  const followUps = edit.followUps ?? stored.followUps;
  const rubric = correctedRubric(stored, edit, { answer, keyPoints, followUps });
  const keyPointsFollow = !keyPointsEdited && rubric !== stored.rubric && sameTexts(stored.keyPoints, keyPointsOf(stored.rubric));
  const corrected: BankQuestion = {
    ...stored,
    prompt: edit.prompt ?? stored.prompt,
    context: edit.context !== undefined ? edit.context : stored.context,
    answer,
    keyPoints: keyPointsFollow ? keyPointsOf(rubric) : keyPoints,
    followUps,
    redFlags: edit.redFlags ?? stored.redFlags,
    rubric,
    code: edit.code !== undefined ? edit.code : stored.code,
    meta: {
      ...stored.meta,
      difficulty: edit.difficulty !== undefined ? edit.difficulty : stored.meta.difficulty,
      tags: edit.tags ?? stored.meta.tags,
    },
  };
  const sources = alignedPartSources(stored);
  const { partSources: _stale, ...rest } = corrected;
  // The review sends back the rubric it was shown, which may be the one the importer made again: that is not the person's.
  const remade = edit.rubric === undefined ? rubric : correctedRubric(stored, { ...edit, rubric: undefined }, { answer, keyPoints, followUps });
  const rubricEdited = rubric === edit.rubric && !(remade !== stored.rubric && sameCriteria(rubric, remade));
  return sources ? { ...rest, partSources: correctedSources(stored, sources, corrected, { keyPointsFollow, rubricEdited }) } : rest;
}

const PERSON_ADDED: PartSource = { lines: null, origin: "added" };
const PERSON_EDITED: PartSource = { lines: null, origin: "edited" };

/**
 * The sources of a list after a person's correction: an entry still as stored keeps its source; one in the
 * place of a stored entry that is gone was edited; any other was added.
 */
function carried<T>(before: readonly T[], sources: readonly PartSource[], after: readonly T[], same: (a: T, b: T) => boolean): PartSource[] {
  const used = new Set<number>();
  const matched = after.map((entry) => {
    const at = before.findIndex((old, i) => !used.has(i) && same(old, entry));
    if (at !== -1) used.add(at);
    return at;
  });
  return after.map((_, i) => {
    const at = matched[i] ?? -1;
    if (at !== -1) return sources[at] ?? PERSON_EDITED;
    return i < before.length && !used.has(i) ? PERSON_EDITED : PERSON_ADDED;
  });
}

const sameText = (a: string, b: string) => a === b;

/** A part made from another: derived, on the lines of what it was made from; a person's words stay theirs. */
function derivedFrom(source: PartSource | undefined): PartSource {
  if (source?.origin === "added" || source?.origin === "edited") return source;
  return { lines: source?.lines ?? null, origin: "derived" };
}

/**
 * The parts' sources after a correction. What the person left alone keeps its lines; what they wrote is
 * "edited" or "added", with no lines; what the importer made again from a corrected part is derived from it.
 */
function correctedSources(
  stored: BankQuestion,
  sources: PartSources,
  next: BankQuestion,
  how: { keyPointsFollow: boolean; rubricEdited: boolean },
): PartSources {
  const storedKeyPoints = carried(stored.keyPoints, sources.keyPoints, next.keyPoints, sameText);
  // Key points that follow a rubric made again were not the person's: the rubric was not made from them.
  const rubric =
    next.rubric === stored.rubric
      ? sources.rubric
      : correctedRubricSources(stored, sources, next, how.rubricEdited, how.keyPointsFollow ? [] : storedKeyPoints);
  const lookForSource = new Map(next.rubric.flatMap((criterion, c) => criterion.lookFor.map((point, l) => [point, rubric[c]?.lookFor[l]] as const)));
  return {
    rubric,
    keyPoints: how.keyPointsFollow
      ? next.keyPoints.map((point, i) => (stored.keyPoints.includes(point) ? storedKeyPoints[i] : undefined) ?? derivedFrom(lookForSource.get(point)))
      : storedKeyPoints,
    followUps: carried(
      stored.followUps,
      sources.followUps,
      next.followUps,
      (a, b) => a.prompt === b.prompt && a.answer === b.answer && sameTexts(a.lookFor, b.lookFor),
    ),
    redFlags: carried(stored.redFlags, sources.redFlags, next.redFlags, sameText),
    exampleScore: next.exampleScore ? sources.exampleScore : null,
  };
}

function correctedRubricSources(
  stored: BankQuestion,
  sources: PartSources,
  next: BankQuestion,
  edited: boolean,
  keyPoints: readonly PartSource[],
): PartSources["rubric"] {
  if (edited) {
    const criteria = carried(
      stored.rubric,
      sources.rubric.map((s) => s.criterion),
      next.rubric,
      (a, b) => a.title === b.title && sameTexts(a.lookFor, b.lookFor),
    );
    return next.rubric.map((criterion, c) => {
      const before = stored.rubric.findIndex((old) => old.title === criterion.title);
      const old = stored.rubric[before];
      const lookFor = old
        ? carried(old.lookFor, sources.rubric[before]?.lookFor ?? [], criterion.lookFor, sameText)
        : criterion.lookFor.map(() => PERSON_ADDED);
      // A criterion whose title stayed but whose look-fors changed was edited; its title keeps its lines.
      const own = criteria[c] ?? PERSON_ADDED;
      return { criterion: own.origin === "added" && old ? PERSON_EDITED : own, lookFor };
    });
  }
  // Made again by the importer from corrected key points, answer or follow-ups: each look-for that is a key point comes from it.
  const keyPointSource = new Map(keyPoints.map((source, i) => [next.keyPoints[i], source] as const));
  return next.rubric.map((criterion) => {
    const lookFor = criterion.lookFor.map((point) => derivedFrom(keyPointSource.get(point)));
    return { criterion: { lines: spanOf(lookFor.map((source) => source.lines)), origin: "derived" as const }, lookFor };
  });
}
