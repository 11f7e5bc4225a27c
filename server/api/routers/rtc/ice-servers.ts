import { protectedProcedure } from "@/server/api/trpc";
import { rtcIceServersInput, rtcIceServersOutput } from "@/server/api/routers/rtc/ice-servers.schema";
import { memberIceServers } from "@/server/services/call/ice-servers";

/** The STUN and TURN servers of a session's call, with a TURN credential of the member's own; members only. */
export const rtcIceServers = protectedProcedure
  .input(rtcIceServersInput)
  .output(rtcIceServersOutput)
  .query(({ ctx, input }) => memberIceServers(ctx.db, ctx.ice, ctx.user, input.sessionId, new Date()));
