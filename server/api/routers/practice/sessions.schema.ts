import { z } from "zod";
import { storedCriteriaSchema } from "@/server/domain/practice/feedback";

export const peerSessionsOutput = z.array(
  z.object({
    id: z.string(),
    topic: z.string(),
    date: z.date(),
    partnerName: z.string(),
    ended: z.boolean(),
    feedbackGiven: z.boolean(),
    receivedPending: z.boolean(),
    /** The ratings of the partner's feedback, once released to the user; null before. */
    received: z.object({ communication: z.number().int(), problemSolving: z.number().int(), criteria: storedCriteriaSchema }).nullable(),
  }),
);
export type PeerSessionsOutput = z.infer<typeof peerSessionsOutput>;
