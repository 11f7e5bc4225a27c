import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const reviewReplayInput = sessionIdInput.extend({ perspective: z.enum(["own", "candidate"]).default("own") });
export type ReviewReplayInput = z.input<typeof reviewReplayInput>;

/** No output schema: the domain's replay (server/domain/review/replay.ts), folded into frames by the page. */
export type { Replay as ReviewReplayOutput } from "@/server/domain/review/replay";
