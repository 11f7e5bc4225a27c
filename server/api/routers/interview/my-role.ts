import { protectedProcedure } from "@/server/api/trpc";
import { interviewMyRoleInput, interviewMyRoleOutput } from "@/server/api/routers/interview/my-role.schema";
import { myRole } from "@/server/services/interviews/membership";

export const interviewMyRole = protectedProcedure
  .input(interviewMyRoleInput)
  .output(interviewMyRoleOutput)
  .query(({ ctx, input }) => myRole(ctx.db, ctx.user.id, input.sessionId));
