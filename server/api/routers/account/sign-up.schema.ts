import { z } from "zod";
import { displayNameSchema, emailSchema, passwordSchema } from "@/server/domain/accounts/credentials";

export const signUpInput = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signUpOutput = z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() });
export type SignUpOutput = z.infer<typeof signUpOutput>;
