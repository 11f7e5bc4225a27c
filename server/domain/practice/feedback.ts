import { z } from "zod";
import { dbText } from "../db-text";
import { ratingSchema, type Rating } from "../scoring/scale";

/** Feedback is read by the other person once both have written theirs, or this long after the session ended. */
export const FEEDBACK_RELEASE_AFTER_MS = 24 * 60 * 60_000;
export const FEEDBACK_TEXT_MAX = 2_000;
const CRITERIA_MAX = 50;

const oneToFive = z.number().int().min(1, "Rate from 1 to 5.").max(5, "Rate from 1 to 5.");

/** What a peer writes about the other's answers in the half they asked. */
export const peerFeedbackSchema = z.object({
  /** A rating for each criterion of the rubric of the question they asked, in the rubric's order. */
  ratings: z.array(ratingSchema).max(CRITERIA_MAX),
  communication: oneToFive,
  problemSolving: oneToFive,
  strengths: dbText.trim().min(1, "Say what went well.").max(FEEDBACK_TEXT_MAX),
  improve: dbText.trim().min(1, "Name one thing to improve.").max(FEEDBACK_TEXT_MAX),
});
export type PeerFeedbackInput = z.infer<typeof peerFeedbackSchema>;

/** Stored with each rating its criterion's title, as asked: the bank may change later. */
export const storedCriteriaSchema = z.array(z.object({ title: z.string(), rating: ratingSchema }));
export type RatedCriterion = z.infer<typeof storedCriteriaSchema>[number];

/** The ratings against the rubric's criteria, or why they do not fit it (one rating per criterion). */
export function rateCriteria(titles: readonly string[], ratings: readonly Rating[]): RatedCriterion[] | { error: string } {
  if (ratings.length !== titles.length) return { error: `Rate each of the ${titles.length} criteria of the question you asked.` };
  return titles.map((title, index) => ({ title, rating: ratings[index] as Rating }));
}

/**
 * Whether feedback a person wrote may be read by the other: once the other has written theirs too (so
 * neither writes in answer to the other's), or a day after the session ended (or, if it never ended, a
 * day after this was written), so that one person's silence does not hold back the other's feedback.
 */
export function feedbackReleased(facts: { otherHasWritten: boolean; sessionEndedAt: Date | null; writtenAt: Date }, now: Date): boolean {
  if (facts.otherHasWritten) return true;
  return now.getTime() >= (facts.sessionEndedAt ?? facts.writtenAt).getTime() + FEEDBACK_RELEASE_AFTER_MS;
}
