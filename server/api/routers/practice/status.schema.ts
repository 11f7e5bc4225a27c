import { z } from "zod";
import { practiceLevelSchema } from "@/server/domain/practice/levels";

export const practiceStatusOutput = z.discriminatedUnion("state", [
  z.object({ state: z.literal("idle") }),
  z.object({ state: z.literal("waiting"), topic: z.string(), joinedAt: z.date() }),
  z.object({
    state: z.literal("proposed"),
    proposalId: z.string(),
    topic: z.string(),
    partner: z.object({ name: z.string(), level: practiceLevelSchema.nullable() }),
    answerBy: z.date(),
    accepted: z.boolean(),
    partnerAccepted: z.boolean(),
  }),
  z.object({
    state: z.literal("active"),
    peerSessionId: z.string(),
    topic: z.string(),
    half: z.union([z.literal(1), z.literal(2)]),
    roomId: z.string(),
    asking: z.boolean(),
    partnerName: z.string(),
    halfStartedAt: z.date(),
    halfMinutes: z.number().int(),
    halfTimeUp: z.boolean(),
    swapAsked: z.boolean(),
    partnerAskedSwap: z.boolean(),
    partnerCame: z.boolean(),
    noShowAfter: z.date(),
  }),
]);
export type PracticeStatusOutput = z.infer<typeof practiceStatusOutput>;
