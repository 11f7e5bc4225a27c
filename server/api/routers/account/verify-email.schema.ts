import { z } from "zod";
import { linkTokenSchema } from "@/server/api/routers/account/link-token.schema";

export const verifyEmailInput = z.object({ token: linkTokenSchema });
export const verifyEmailOutput = z.object({ email: z.string() });
