import { z } from "zod";
import { linkTokenSchema } from "@/server/api/routers/account/link-token.schema";
import { passwordSchema } from "@/server/domain/accounts/credentials";

export const resetPasswordInput = z.object({ token: linkTokenSchema, password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const resetPasswordOutput = z.object({ done: z.literal(true) });
