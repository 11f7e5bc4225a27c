import { z } from "zod";

export const meOutput = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  /** The zone this person reads times in, when they chose one; null: use the browser's. */
  timeZone: z.string().nullable(),
  isGuest: z.boolean(),
  /** Whether this server sends email (links to confirm or change an address). */
  emailOn: z.boolean(),
});
export type Me = z.infer<typeof meOutput>;
