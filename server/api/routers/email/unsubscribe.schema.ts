import { z } from "zod";

export const unsubscribeInput = z.object({ token: z.string().min(1).max(2048) });
export const unsubscribeOutput = z.object({ email: z.string(), kind: z.string() });
