import { z } from "zod";
import { peerFeedbackSchema, storedCriteriaSchema } from "@/server/domain/practice/feedback";
import { peerSessionInput } from "@/server/api/routers/practice/swap.schema";

const feedbackOutput = z.object({
  criteria: storedCriteriaSchema,
  communication: z.number().int(),
  problemSolving: z.number().int(),
  strengths: z.string(),
  improve: z.string(),
  submittedAt: z.date(),
});

export const peerSessionOutput = z.object({
  id: z.string(),
  topic: z.string(),
  partnerName: z.string(),
  askedRoomId: z.string().nullable(),
  answeredRoomId: z.string().nullable(),
  ended: z.boolean(),
  canGiveFeedback: z.boolean(),
  criteria: z.array(z.string()),
  given: feedbackOutput.nullable(),
  received: feedbackOutput.nullable(),
  receivedPending: z.boolean(),
});
export type PeerSessionOutput = z.infer<typeof peerSessionOutput>;

export const submitFeedbackInput = peerSessionInput.extend(peerFeedbackSchema.shape);
export type SubmitFeedbackInput = z.input<typeof submitFeedbackInput>;
