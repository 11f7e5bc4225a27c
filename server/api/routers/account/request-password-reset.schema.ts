import { z } from "zod";
import { emailSchema } from "@/server/domain/accounts/credentials";

export const requestPasswordResetInput = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

/** `emailOn` false: this server sends no email, so no link went anywhere; the page says whom to ask. */
export const requestPasswordResetOutput = z.object({ message: z.string(), emailOn: z.boolean() });
