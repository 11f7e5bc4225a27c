import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

/** The rules for account fields, shared by the sign-up and sign-in forms, the account.signUp procedure and next-auth. */
export const emailSchema = dbText.trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254));
export const passwordSchema = z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters");
// A name travels into email headers ("Ada <ada@…>") and subjects: a line break there could add a header
// (CR/LF injection), and no real name holds a control character, so they are refused, not stripped.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export const displayNameSchema = dbText
  .trim()
  .min(1, "Enter your name")
  .max(80, "Use at most 80 characters")
  .refine((name) => !CONTROL_CHARACTER.test(name), "A name cannot contain line breaks or control characters");

/** What sign-in, sign-up and guest sign-in answer over their rate limits; the forms show it as it is. */
export const TOO_MANY_ATTEMPTS = "Too many attempts. Please wait a few minutes and try again.";

export const signInInput = z.object({
  email: emailSchema,
  password: dbText.min(1, "Enter your password").max(200),
});

export const guestInput = z.object({
  name: displayNameSchema,
  inviteToken: dbText.min(10).max(200),
});
