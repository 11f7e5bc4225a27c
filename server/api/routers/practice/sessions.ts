import { practiceProcedure } from "@/server/api/trpc";
import { peerSessionsOutput } from "@/server/api/routers/practice/sessions.schema";
import { peerSessionsOf } from "@/server/services/practice/feedback";

export const practiceSessions = practiceProcedure.output(peerSessionsOutput).query(({ ctx }) => peerSessionsOf(ctx.db, ctx.user.id, new Date()));
