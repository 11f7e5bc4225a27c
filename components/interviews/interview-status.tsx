import { Badge } from "@/components/ui/badge";
import { LiveBadge } from "@/components/ui/live-badge";

type Status = "PLANNED" | "LIVE" | "ENDED" | "CANCELLED";

const labels: Record<Status, string> = { PLANNED: "Planned", LIVE: "Live", ENDED: "Ended", CANCELLED: "Cancelled" };

export function InterviewStatus({ status }: { status: Status }) {
  if (status === "LIVE") return <LiveBadge />;
  return <Badge variant={status === "PLANNED" ? "accent" : "neutral"}>{labels[status]}</Badge>;
}
