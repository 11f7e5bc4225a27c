import { Badge } from "@/components/ui/badge";

/** A session's status as people say it; "live" gets the one animated dot on the page. */
export function InterviewStatusBadge({ status }: { status: string }) {
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
  const label = status.charAt(0) + status.slice(1).toLowerCase();
  return <Badge>{label}</Badge>;
}
