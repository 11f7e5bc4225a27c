import type { Perspective } from "@/server/domain/review/replay";
import type { SessionMeta } from "@/server/domain/review/report";
import type { Role, RoomView } from "@/server/domain/room";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const reviewSessionInput = sessionIdInput;

// No output schema: the room view is the live room's (docs/realtime-protocol.md), built by its view rules.
export interface ReviewedSession extends SessionMeta {
  myRole: Role;
  /** The peer practice session this is one half of (its two people take the roles in turn); null for an interview. */
  peerSessionId: string | null;
  hidden: boolean;
  canDelete: boolean;
  canHide: boolean;
  perspectives: Perspective[];
}

export interface SessionReview {
  session: ReviewedSession;
  /** The room as it is now, built for this member by the live room's own view rules. */
  view: RoomView;
}
