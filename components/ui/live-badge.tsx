import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";

/** "Live" with the one animated dot a page may have: something is happening right now. */
export function LiveBadge(props: Omit<ComponentProps<typeof Badge>, "variant" | "children">) {
  return (
    <Badge variant="success" {...props}>
      <span aria-hidden className="relative flex size-1.5">
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-60" />
        <span className="relative inline-flex size-1.5 rounded-full bg-success" />
      </span>
      Live
    </Badge>
  );
}
