import { practiceProcedure } from "@/server/api/trpc";
import { practiceStatusOutput } from "@/server/api/routers/practice/status.schema";
import { practiceStatus } from "@/server/services/practice/status";

export const practiceStatusProcedure = practiceProcedure.output(practiceStatusOutput).query(({ ctx }) => practiceStatus(ctx.db, ctx.user.id, new Date()));
