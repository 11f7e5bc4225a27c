import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const callIceServersInput = sessionIdInput;
/** RTCConfiguration.iceServers for this member, and when its TURN credential runs out. */
export const callIceServersOutput = z.object({
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() })),
  expiresAt: z.date(),
});

export type CallIceServersInput = z.infer<typeof callIceServersInput>;
export type CallIceServersOutput = z.infer<typeof callIceServersOutput>;
