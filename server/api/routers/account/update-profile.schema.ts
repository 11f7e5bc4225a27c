import { z } from "zod";
import { displayNameSchema } from "@/server/domain/accounts/credentials";
import { timeZoneSchema } from "@/server/domain/schedule/time-zone";

export const updateProfileInput = z.object({
  /** null: no name (pages show the address). */
  name: displayNameSchema.nullable(),
  /** null: "use my browser's time zone". */
  timeZone: timeZoneSchema.nullable(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
