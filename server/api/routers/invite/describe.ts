import { publicProcedure } from "@/server/api/trpc";
import { inviteDescribeInput, inviteDescribeOutput } from "@/server/api/routers/invite/describe.schema";
import { describeInvite } from "@/server/services/invites/links";

export const inviteDescribe = publicProcedure
  .input(inviteDescribeInput)
  .output(inviteDescribeOutput)
  .query(({ ctx, input }) => describeInvite(ctx.db, input.token, new Date()));
