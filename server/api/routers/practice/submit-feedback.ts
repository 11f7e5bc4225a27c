import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { submitFeedbackInput } from "@/server/api/routers/practice/session.schema";
import { submitPeerFeedback } from "@/server/services/practice/feedback";

export const practiceSubmitFeedback = practiceProcedure
  .input(submitFeedbackInput)
  .output(z.void())
  .mutation(({ ctx, input: { peerSessionId, ...feedback } }) => submitPeerFeedback(ctx.db, ctx.user.id, peerSessionId, feedback, new Date()));
