import { z } from "zod";
import { dbText } from "@/server/domain/db-text";
import { codeSpecSchema } from "@/server/domain/code/code-spec";
import { startingDiagramSchema } from "@/server/domain/board/board";
import { partSourcesSchema, type PartSources } from "@/server/domain/bank/part-sources";
import { competencyKeySchema, competencySetSchema, DEFAULT_COMPETENCIES } from "@/server/domain/scoring/competency-set";

/**
 * The question bank's interchange format: what `parse` prints, what the import service stores and
 * what export will produce. Documented in docs/bank-format.md; bump BANK_FORMAT_VERSION on any
 * change that an older reader could misread. A new optional field (`competencies`, a question's `code`
 * and `board`)
 * is not one: an older reader drops what it does not know and reads the rest as before, and a file
 * without the field reads with its default.
 */
export const BANK_FORMAT_VERSION = 1;

const text = dbText.min(1);

export const rubricCriterionSchema = z.object({
  title: text,
  lookFor: z.array(text),
  /**
   * The key of the competency (of the document's `competencies`) the criterion is scored under. The
   * importer proposes one for every criterion; a file written before competencies existed may leave it
   * out, and importing it proposes one then.
   */
  competency: competencyKeySchema.optional(),
});

export const followUpSchema = z.object({
  prompt: text,
  answer: text.nullable(),
  lookFor: z.array(text),
});

export const exampleScoreSchema = z.object({
  score: z.number().nonnegative(),
  outOf: z.number().positive(),
  reasons: z.array(text),
});

export const questionMetaSchema = z.object({
  /** The document's own heading for the question when its prompt is stated separately. */
  title: text.nullable(),
  difficulty: text.nullable(),
  role: text.nullable(),
  level: text.nullable(),
  companies: z.array(text),
  tags: z.array(text),
  /** Hints meant for the interviewer only ("Why this is tricky"); never shown to the candidate. */
  interviewerNotes: z.array(text),
  /** A suggested structure for the answer (Markdown), e.g. a "Framework to answer" section. */
  answerFramework: text.nullable(),
});

export const bankQuestionSchema = z.object({
  /** Stable within a document: derived from the normalised prompt, suffixed when repeated. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  prompt: text,
  /** Scenario or detail that goes with the prompt (Markdown), read out with it. */
  context: text.nullable(),
  section: z.array(text),
  answer: text.nullable(),
  keyPoints: z.array(text),
  rubric: z.array(rubricCriterionSchema).min(1),
  followUps: z.array(followUpSchema),
  redFlags: z.array(text),
  exampleScore: exampleScoreSchema.nullable(),
  /**
   * A coding question's language, starter code, function and test cases; null (or left out, by a file
   * written before it existed) for any other question. Not secret: the candidate's browser runs the tests.
   */
  code: codeSpecSchema.nullable().default(null),
  /**
   * The question's starting diagram: the Excalidraw elements its whiteboard starts with in the room ("here
   * is the current architecture"). The candidate sees it once the question is asked, as they see the
   * prompt. Left out for a question without one.
   */
  board: startingDiagramSchema.optional(),
  meta: questionMetaSchema,
  source: z.object({ line: z.number().int().positive() }),
  /**
   * Where each part comes from in the document (server/domain/bank/part-sources.ts), index for index with the
   * parts; left out when unknown. Optional: a file written before it reads as before.
   */
  partSources: partSourcesSchema.optional(),
});

export const bankDocumentSchema = z
  .object({
    formatVersion: z.literal(BANK_FORMAT_VERSION),
    title: text,
    sourceFile: text,
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** What the decoder had to do to the bytes, so that a user can tell why a quote changed. */
    repairs: z.object({
      encoding: z.enum(["utf-8", "utf-16", "windows-1252"]),
      mojibakeFixed: z.number().int().nonnegative(),
      codeLinesRestored: z.number().int().nonnegative(),
    }),
    /** The competencies its criteria are scored under; a file without them has the default set. */
    competencies: competencySetSchema.default(DEFAULT_COMPETENCIES),
    questions: z.array(bankQuestionSchema).min(1),
  })
  .superRefine((document, ctx) => {
    const keys = new Set(document.competencies.map((competency) => competency.key));
    document.questions.forEach((question, q) =>
      question.rubric.forEach((criterion, c) => {
        if (criterion.competency !== undefined && !keys.has(criterion.competency))
          ctx.addIssue({
            code: "custom",
            path: ["questions", q, "rubric", c, "competency"],
            message: `“${criterion.competency}” is not one of the document's competencies`,
          });
      }),
    );
  });

export { partSourceSchema, partSourcesSchema, type PartSource, type PartSources } from "@/server/domain/bank/part-sources";

type SourcedParts = Pick<z.infer<typeof bankQuestionSchema>, "rubric" | "keyPoints" | "followUps" | "redFlags" | "exampleScore" | "partSources">;

/**
 * A question's part sources when they pair up one for one with its parts, else none: sources that do not
 * (a file whose parts another tool changed) say nothing reliable about any part, and are read as unknown.
 */
export function alignedPartSources(question: SourcedParts): PartSources | undefined {
  const sources = question.partSources;
  if (!sources) return undefined;
  const aligned =
    sources.rubric.length === question.rubric.length &&
    question.rubric.every((criterion, c) => sources.rubric[c]?.lookFor.length === criterion.lookFor.length) &&
    sources.keyPoints.length === question.keyPoints.length &&
    sources.followUps.length === question.followUps.length &&
    sources.redFlags.length === question.redFlags.length &&
    (sources.exampleScore === null) === (question.exampleScore === null);
  return aligned ? sources : undefined;
}

export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type ExampleScore = z.infer<typeof exampleScoreSchema>;
export type QuestionMeta = z.infer<typeof questionMetaSchema>;
export type BankQuestion = z.infer<typeof bankQuestionSchema>;
export type BankDocument = z.infer<typeof bankDocumentSchema>;
/** A document as a file may hold it: without `competencies` (the default set) or criteria's `competency`. */
export type BankDocumentInput = z.input<typeof bankDocumentSchema>;
