import { z } from "zod";
import { emailSchema } from "@/server/domain/accounts/credentials";
import { dbText } from "@/server/domain/db-text";

export const requestEmailChangeInput = z.object({
  newEmail: emailSchema,
  password: dbText.min(1, "Enter your current password").max(200),
});
export type RequestEmailChangeInput = z.infer<typeof requestEmailChangeInput>;

export const requestEmailChangeOutput = z.object({ message: z.string(), emailOn: z.boolean() });
