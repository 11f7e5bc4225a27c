import type { Role } from "@/server/domain/room/room-state";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoomScreen } from "@/components/room/room-screen";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Interview room" };
export const dynamic = "force-dynamic";

/**
 * Only the role, title and planned start are looked up here: the room's content arrives over the socket, built for this
 * viewer, so the server-rendered HTML and RSC payload carry nothing a candidate may not see.
 */
export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await serverApi();
  let me: { role: Role; title: string; scheduledAt: Date | null; peerSessionId: string | null; practiceStartsAt: Date | null };
  try {
    me = await api.interview.myRole({ sessionId: id });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"].includes(error.code)) notFound();
    throw error;
  }
  // myRole answered, so someone is signed in.
  const user = await currentUser();
  if (!user) notFound();
  // Keyed by room: the practice bar moves both people from one half's room to the next, and each room
  // needs its own connection and state. A practice half has no planned start: the bar shows its clock.
  return (
    <RoomScreen
      key={id}
      sessionId={id}
      title={me.title}
      role={me.role}
      userId={user.id}
      startsAt={me.peerSessionId ? null : me.scheduledAt}
      peerSessionId={me.peerSessionId}
      practiceStartsAt={me.practiceStartsAt}
    />
  );
}
