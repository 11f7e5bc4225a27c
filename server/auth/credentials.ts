import { z } from "zod";

/** The rules for account fields, shared by the sign-up form, the tRPC procedure and next-auth. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254));
export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(200, "Use at most 200 characters");
export const displayNameSchema = z.string().trim().min(1, "Enter your name").max(80, "Use at most 80 characters");

export const signUpInput = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export const guestInput = z.object({
  name: displayNameSchema,
  inviteToken: z.string().min(10).max(200),
});
