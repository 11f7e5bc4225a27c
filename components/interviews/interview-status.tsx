import { Badge } from "@/components/ui/badge";

type Status = "PLANNED" | "LIVE" | "ENDED" | "CANCELLED";

const labels: Record<Status, string> = { PLANNED: "Planned", LIVE: "Live", ENDED: "Ended", CANCELLED: "Cancelled" };

export function InterviewStatus({ status }: { status: Status }) {
  if (status === "LIVE") {
    return (
      <Badge variant="success">
        <span aria-hidden className="relative flex size-1.5">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-60" />
          <span className="relative inline-flex size-1.5 rounded-full bg-success" />
        </span>
        Live
      </Badge>
    );
  }
  return <Badge variant={status === "PLANNED" ? "accent" : "neutral"}>{labels[status]}</Badge>;
}
