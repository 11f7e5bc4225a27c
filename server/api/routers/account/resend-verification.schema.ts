import { z } from "zod";

/** `sent` false: the address is confirmed already, the account has none, or this server sends no email. */
export const resendVerificationOutput = z.object({ sent: z.boolean(), emailOn: z.boolean() });
