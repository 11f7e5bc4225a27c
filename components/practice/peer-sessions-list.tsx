import Link from "next/link";
import { LocalTime } from "@/components/schedule/local-time";
import { Badge } from "@/components/ui/badge";
import type { PeerSessionsOutput } from "@/server/api/routers/practice/sessions.schema";

type PeerSessionRow = PeerSessionsOutput[number];

function theirFeedback(session: PeerSessionRow): string {
  if (session.received) return `Communication ${session.received.communication}/5 · Problem solving ${session.received.problemSolving}/5`;
  return session.receivedPending ? "Their feedback: written, yours first" : "Their feedback: not yet";
}

/** One's peer sessions, newest first, each linking to its feedback page. */
export function PeerSessionsList({ sessions }: { sessions: PeerSessionsOutput }) {
  return (
    <ul className="grid divide-y" data-testid="peer-sessions">
      {sessions.map((session) => (
        <li key={session.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3 text-sm">
          <div className="grid gap-0.5">
            <Link href={`/practice/sessions/${session.id}`} className="font-medium hover:underline">
              {session.topic}
            </Link>
            <span className="text-[13px] text-muted-foreground">
              with {session.partnerName} · <LocalTime instant={session.date} />
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-[13px]">
            <span className="text-muted-foreground">{theirFeedback(session)}</span>
            {!session.ended ? <Badge variant="outline">Running</Badge> : session.feedbackGiven ? null : <Badge variant="accent">Give feedback</Badge>}
          </div>
        </li>
      ))}
    </ul>
  );
}
