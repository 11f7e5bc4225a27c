import { protectedProcedure } from "@/server/api/trpc";
import { callIceServersInput, callIceServersOutput } from "@/server/api/routers/call/ice-servers.schema";
import { memberIceServers } from "@/server/services/call/ice-servers";

/** The STUN and TURN servers of a session's call, with a TURN credential of the member's own; members only. */
export const callIceServers = protectedProcedure
  .input(callIceServersInput)
  .output(callIceServersOutput)
  .query(({ ctx, input }) => memberIceServers(ctx.db, ctx.ice, ctx.user, input.sessionId, new Date()));
