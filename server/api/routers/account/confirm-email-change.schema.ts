import { z } from "zod";
import { linkTokenSchema } from "@/server/api/routers/account/link-token.schema";

export const confirmEmailChangeInput = z.object({ token: linkTokenSchema });
export const confirmEmailChangeOutput = z.object({ email: z.string() });
