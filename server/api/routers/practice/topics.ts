import { practiceProcedure } from "@/server/api/trpc";
import { practiceTopicsOutput } from "@/server/api/routers/practice/topics.schema";
import { practiceTopics } from "@/server/services/practice/topics";

export const practiceTopicsProcedure = practiceProcedure.output(practiceTopicsOutput).query(({ ctx }) => practiceTopics(ctx.db));
