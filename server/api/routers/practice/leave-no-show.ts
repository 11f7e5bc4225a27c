import { z } from "zod";
import { practiceProcedure } from "@/server/api/trpc";
import { peerSessionInput } from "@/server/api/routers/practice/swap.schema";
import { leaveNoShow } from "@/server/services/practice/no-show";

/** After five minutes without the partner in the room: end the session, free to find someone else. */
export const practiceLeaveNoShow = practiceProcedure
  .input(peerSessionInput)
  .output(z.void())
  .mutation(({ ctx, input }) => leaveNoShow(ctx.db, ctx.engine, ctx.user.id, input.peerSessionId, new Date()));
