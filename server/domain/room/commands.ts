import { z } from "zod";
import { dbText } from "../db-text";
import { idSchema, presenceStatusSchema, scratchpadLanguageSchema } from "./room-state";

export const NOTE_MAX_LENGTH = 10_000;
export const SCRATCHPAD_MAX_LENGTH = 50_000;
export const NAME_MAX_LENGTH = 100;
export const COMMENT_MAX_LENGTH = 2_000;
export const SCORE_SCALE_MAX = 100;
/** More criteria than any rubric in the bank has; only a bound on payload size. */
export const CRITERIA_MAX = 50;

const noteBodySchema = dbText.min(1).max(NOTE_MAX_LENGTH);

const criterionScoreInputSchema = z.object({
  /** Index into the question's rubric; the title is looked up server side so it cannot be misspelt. */
  index: z.number().int().min(0),
  score: z.number().min(0).nullable(),
  comment: dbText.max(COMMENT_MAX_LENGTH),
});

/**
 * Commands only the server issues, for the authenticated user: entering the room (with the name of the
 * account or guest, fixed for the session) and being removed by the owner. A client cannot send them.
 */
const serverCommandSchemas = [
  z.object({ type: z.literal("join"), name: dbText.trim().min(1).max(NAME_MAX_LENGTH) }),
  z.object({ type: z.literal("removeParticipant"), userId: idSchema }),
  /** The candidate's live scratchpad text, stored: every few seconds, before the question changes, on leave. */
  z.object({
    type: z.literal("checkpointScratchpad"),
    questionId: idSchema,
    text: dbText.max(SCRATCHPAD_MAX_LENGTH),
    revision: z.number().int().min(0),
    /** The draft's language; the scratchpad's so far when absent. */
    language: scratchpadLanguageSchema.optional(),
  }),
] as const;

/** One splice of the scratchpad text: replace [from, to) with `insert`, in the text as the previous change left it. */
export const textChangeSchema = z.object({
  from: z.number().int().min(0).max(SCRATCHPAD_MAX_LENGTH),
  to: z.number().int().min(0).max(SCRATCHPAD_MAX_LENGTH),
  insert: dbText.max(SCRATCHPAD_MAX_LENGTH),
});
export type TextChange = z.infer<typeof textChangeSchema>;
/** More splices than one keystroke burst makes; only a bound on payload size. */
export const TEXT_CHANGES_MAX = 100;

/** What a client may send over `room:command`. */
const clientCommandSchemas = [
  z.object({ type: z.literal("setPresence"), status: presenceStatusSchema }),
  z.object({ type: z.literal("start") }),
  /**
   * Relative moves name the question the sender was looking at, so that two tabs clicking "next" at
   * once move one question, not two: the second click is based on a question that is no longer current.
   */
  z.object({ type: z.literal("nextQuestion"), fromQuestionId: idSchema }),
  z.object({ type: z.literal("previousQuestion"), fromQuestionId: idSchema }),
  z.object({ type: z.literal("goToQuestion"), questionId: idSchema }),
  z.object({ type: z.literal("revealFollowUp"), questionId: idSchema, followUpId: idSchema }),
  /** An explicit value rather than a toggle, so that two tabs ticking the same point agree. */
  z.object({
    type: z.literal("setKeyPointChecked"),
    questionId: idSchema,
    index: z.number().int().min(0),
    checked: z.boolean(),
  }),
  z.object({ type: z.literal("addNote"), body: noteBodySchema }),
  z.object({ type: z.literal("editNote"), noteId: idSchema, body: noteBodySchema }),
  z.object({ type: z.literal("deleteNote"), noteId: idSchema }),
  z
    .object({
      type: z.literal("setScore"),
      questionId: idSchema,
      outOf: z.number().positive().max(SCORE_SCALE_MAX),
      criteria: z.array(criterionScoreInputSchema).max(CRITERIA_MAX),
      overall: z.number().min(0).nullable(),
      comment: dbText.max(NOTE_MAX_LENGTH),
    })
    .superRefine((command, ctx) => {
      const indexes = new Set<number>();
      command.criteria.forEach((criterion, i) => {
        if (criterion.score !== null && criterion.score > command.outOf) {
          ctx.addIssue({ code: "custom", message: "score is above outOf", path: ["criteria", i, "score"] });
        }
        if (indexes.has(criterion.index)) {
          ctx.addIssue({ code: "custom", message: "criterion scored twice", path: ["criteria", i, "index"] });
        }
        indexes.add(criterion.index);
      });
      if (command.overall !== null && command.overall > command.outOf) {
        ctx.addIssue({ code: "custom", message: "overall is above outOf", path: ["overall"] });
      }
    }),
  /**
   * The candidate's typing, as splices of the scratchpad revision the client last saw. Relayed to the room
   * at once and kept in memory; stored by checkpoints, not per keystroke.
   */
  z.object({
    type: z.literal("editScratchpad"),
    questionId: idSchema,
    baseRevision: z.number().int().min(0),
    /** Empty when the edit only picks the language. */
    changes: z.array(textChangeSchema).max(TEXT_CHANGES_MAX),
    /** The language to highlight the text in, when the candidate picks one. */
    language: scratchpadLanguageSchema.optional(),
  }),
  z.object({ type: z.literal("end") }),
] as const;

export const clientCommandSchema = z.discriminatedUnion("type", [...clientCommandSchemas]);
export const commandSchema = z.discriminatedUnion("type", [...serverCommandSchemas, ...clientCommandSchemas]);

export type ClientCommand = z.infer<typeof clientCommandSchema>;
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
