import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const reviewSetHiddenInput = sessionIdInput.extend({ hidden: z.boolean() });
export const reviewSetHiddenOutput = z.object({ hidden: z.boolean() });

export type ReviewSetHiddenInput = z.infer<typeof reviewSetHiddenInput>;
export type ReviewSetHiddenOutput = z.infer<typeof reviewSetHiddenOutput>;
