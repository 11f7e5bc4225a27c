import { codeDraftProblems, fromCodeDraft, toCodeDraft, type CodeDraft } from "@/components/bank/code-draft";
import type { BankQuestion } from "@/server/bank/bank-format";
import type { QuestionCorrection } from "@/server/api/routers/bank/update-question.schema";

/**
 * A question as the editor holds it while it is corrected: every field the importer fills, lists as text
 * (one entry per line; tags separated by commas). What is sent is a complete QuestionCorrection, so that
 * saving never drops a field by omission; the server keeps what was corrected and lets what was derived
 * from a corrected field follow it (server/bank/correct-question.ts).
 */

/** A correction as the editor makes it: every field, the code null for none. */
export type EditedQuestion = Required<QuestionCorrection>;

export interface Draft {
  prompt: string;
  context: string;
  answer: string;
  keyPoints: string;
  redFlags: string;
  difficulty: string;
  tags: string;
  followUps: Array<{ prompt: string; answer: string; lookFor: string }>;
  /** `competency` "" for a new criterion: the server proposes one from its words. */
  rubric: Array<{ title: string; lookFor: string; competency: string }>;
  code: CodeDraft | null;
}

type Shown = Pick<BankQuestion, "prompt" | "context" | "answer" | "keyPoints" | "redFlags" | "followUps" | "rubric" | "code"> & {
  meta: Pick<BankQuestion["meta"], "difficulty" | "tags">;
};

/** What the editor starts from: the question as stored (or as previewed). */
export function editedFrom(question: Shown): EditedQuestion {
  return {
    prompt: question.prompt,
    context: question.context,
    answer: question.answer,
    keyPoints: question.keyPoints,
    redFlags: question.redFlags,
    difficulty: question.meta.difficulty,
    tags: question.meta.tags,
    followUps: question.followUps,
    rubric: question.rubric,
    code: question.code ?? null,
  };
}

/** The question as the import review shows it once corrected: the correction's fields over the parsed ones. */
export function withCorrection(question: BankQuestion, correction: QuestionCorrection | undefined): BankQuestion {
  if (!correction) return question;
  const { difficulty, tags, ...fields } = correction;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...question,
    ...defined,
    meta: { ...question.meta, ...(difficulty === undefined ? {} : { difficulty }), ...(tags === undefined ? {} : { tags }) },
  };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export function toDraft(value: EditedQuestion): Draft {
  return {
    prompt: value.prompt,
    context: value.context ?? "",
    answer: value.answer ?? "",
    keyPoints: value.keyPoints.join("\n"),
    redFlags: value.redFlags.join("\n"),
    difficulty: value.difficulty ?? "",
    tags: value.tags.join(", "),
    followUps: value.followUps.map((f) => ({ prompt: f.prompt, answer: f.answer ?? "", lookFor: f.lookFor.join("\n") })),
    rubric: value.rubric.map((c) => ({ title: c.title, lookFor: c.lookFor.join("\n"), competency: c.competency ?? "" })),
    code: toCodeDraft(value.code),
  };
}

export function fromDraft(draft: Draft): EditedQuestion {
  return {
    prompt: draft.prompt.trim(),
    context: orNull(draft.context),
    answer: orNull(draft.answer),
    keyPoints: lines(draft.keyPoints),
    redFlags: lines(draft.redFlags),
    difficulty: orNull(draft.difficulty),
    tags: [
      ...new Set(
        draft.tags
          .split(",")
          .map((tag) => tag.trim())
          .filter((tag) => tag !== ""),
      ),
    ],
    followUps: draft.followUps.map((f) => ({ prompt: f.prompt.trim(), answer: orNull(f.answer), lookFor: lines(f.lookFor) })),
    rubric: draft.rubric.map((c) => ({ title: c.title.trim(), lookFor: lines(c.lookFor), ...(c.competency === "" ? {} : { competency: c.competency }) })),
    code: fromCodeDraft(draft.code),
  };
}

/** The same rules the server applies (questionCorrectionSchema), checked before sending so the form can point at the field. */
export function problemsOf(value: QuestionCorrection, code: CodeDraft | null): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [field, problem] of Object.entries(codeDraftProblems(code))) problems[`code.${field}`] = problem;
  if (value.prompt === "") problems.prompt = "The question cannot be empty.";
  value.followUps.forEach((f, i) => {
    if (f.prompt === "") problems[`followUps.${i}`] = "A follow-up needs its question.";
  });
  value.rubric.forEach((c, i) => {
    if (c.title === "") problems[`rubric.${i}`] = "A criterion needs a title.";
  });
  if (value.rubric.length === 0) problems.rubric = "Keep at least one rubric criterion: interviews are scored against them.";
  if ((value.tags?.length ?? 0) > 30) problems.tags = "At most 30 tags.";
  if ((value.keyPoints?.length ?? 0) > 50) problems.keyPoints = "At most 50 key points.";
  return problems;
}
