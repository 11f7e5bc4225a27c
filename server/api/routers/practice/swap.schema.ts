import { z } from "zod";
import { dbText } from "@/server/domain/db-text";

export const peerSessionInput = z.object({ peerSessionId: dbText.min(1).max(64) });
export const swapOutput = z.object({ swapped: z.boolean() });
export type PeerSessionInput = z.input<typeof peerSessionInput>;
