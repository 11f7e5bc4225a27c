import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const rtcIceServersInput = sessionIdInput;
/** RTCConfiguration.iceServers for this member, and when its TURN credential runs out. */
export const rtcIceServersOutput = z.object({
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() })),
  expiresAt: z.date(),
});

export type RtcIceServersInput = z.infer<typeof rtcIceServersInput>;
export type RtcIceServersOutput = z.infer<typeof rtcIceServersOutput>;
