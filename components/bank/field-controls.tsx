import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

// The Input primitive's look, for the two controls components/ui does not have yet.
const controlClasses = [
  "w-full min-w-0 rounded-md border border-input bg-card text-sm text-foreground shadow-xs",
  "placeholder:text-muted-foreground/70 transition-[border-color,box-shadow] duration-150",
  "outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/20",
  "disabled:cursor-not-allowed disabled:opacity-60",
];

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(controlClasses, "min-h-20 px-3 py-2 leading-6 field-sizing-content", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <div className={cn("relative", className)}>
      <select className={cn(controlClasses, "h-10 appearance-none truncate pr-8 pl-3 sm:h-9")} {...props} />
      <ChevronDown aria-hidden className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
