import { FileText } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LiveBadge } from "@/components/ui/live-badge";
import type { RoomStatus } from "@/server/domain/room";

const statusLabel: Record<RoomStatus, string> = { lobby: "Lobby", live: "Live", ended: "Ended" };

export function RoomStatusBadge({ status }: { status: RoomStatus }) {
  if (status === "live") return <LiveBadge data-testid="room-status" data-status={status} />;
  return (
    <Badge data-testid="room-status" data-status={status}>
      {statusLabel[status]}
    </Badge>
  );
}

interface RoomHeaderProps {
  sessionId: string;
  title: string;
  status: RoomStatus;
  subtitle?: ReactNode;
  presence?: ReactNode;
  meta: ReactNode;
  actions?: ReactNode;
}

/** The room's bar: what this is, who is here, how long it has run, and the one big action. */
export function RoomHeader({ sessionId, title, status, subtitle, presence, meta, actions }: RoomHeaderProps) {
  return (
    <div className="z-30 border-b bg-background/85 backdrop-blur-md supports-[backdrop-filter]:bg-background/75 sm:sticky sm:top-14">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <div className="min-w-0 flex-1 basis-48">
          <div className="flex min-w-0 items-center gap-2.5">
            {/* One line whatever the title's length: the room's controls stay in view; the whole title is its tooltip. */}
            <h1 className="min-w-0 truncate text-base leading-snug font-semibold tracking-tight sm:text-lg" title={title}>
              {title}
            </h1>
            <span className="shrink-0">
              <RoomStatusBadge status={status} />
            </span>
          </div>
          {subtitle ? <div className="mt-0.5 text-xs text-muted-foreground">{subtitle}</div> : null}
        </div>
        {presence ? <div className={cn("order-last w-full lg:order-none lg:w-auto")}>{presence}</div> : null}
        <div className="flex items-center gap-3">
          {meta}
          {actions}
          {/* An ended room's record is its session page: the summary, timeline, replay and exports. */}
          {status === "ended" ? (
            <Button asChild size="sm" variant="outline">
              <Link href={`/sessions/${sessionId}`}>
                <FileText aria-hidden />
                Session review
              </Link>
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
