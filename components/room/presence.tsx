import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { ROLE_LABELS, roleSchema, type ParticipantView, type PresenceStatus } from "@/server/domain/room";

const statusLabel: Record<PresenceStatus, string> = {
  connected: "Connected",
  away: "Away",
  disconnected: "Disconnected",
};

const dotClass: Record<PresenceStatus, string> = {
  connected: "bg-emerald-500",
  away: "bg-amber-400",
  disconnected: "bg-muted-foreground/40",
};

interface PresenceListProps {
  participants: ParticipantView[];
  viewerId: string;
  layout?: "row" | "stack";
  /** False once the interview has ended: who took part, without a presence that no longer means anything. */
  live?: boolean;
  className?: string;
}

export function PresenceList({ participants, viewerId, layout = "row", live = true, className }: PresenceListProps) {
  // In the order roles are declared: interviewer, co-interviewer, candidate, observer.
  const ordered = [...participants].sort((a, b) => roleSchema.options.indexOf(a.role) - roleSchema.options.indexOf(b.role));
  return (
    <ul aria-label="People in the room" className={cn(layout === "row" ? "flex flex-wrap items-center gap-x-4 gap-y-2" : "grid gap-3", className)}>
      {ordered.map((participant) => {
        const status = participant.presence;
        const you = participant.userId === viewerId;
        return (
          <li
            key={participant.userId}
            className="flex items-center gap-2.5"
            data-testid="presence"
            data-role={participant.role}
            data-status={status}
            aria-label={`${participant.name}${you ? " (you)" : ""}, ${ROLE_LABELS[participant.role]}${live ? `: ${statusLabel[status]}` : ""}`}
            title={live ? `${ROLE_LABELS[participant.role]}: ${statusLabel[status]}` : ROLE_LABELS[participant.role]}
          >
            <span className="relative">
              <Avatar
                name={participant.name}
                className={cn(
                  layout === "row" ? "size-7 text-[11px]" : "size-9",
                  live && status === "disconnected" && "bg-muted text-muted-foreground ring-border",
                )}
              />
              {live ? <span aria-hidden className={cn("absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full ring-2 ring-card", dotClass[status])} /> : null}
            </span>
            <span className="grid leading-tight">
              <span className="text-[13px] font-medium">
                {participant.name}
                {you ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
              </span>
              <span className="text-xs text-muted-foreground">
                {ROLE_LABELS[participant.role]}
                {live && (layout === "stack" || status !== "connected") ? ` · ${statusLabel[status]}` : ""}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
