import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, Info } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

const alertVariants = cva("flex items-start gap-2.5 rounded-lg border px-3.5 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0", {
  variants: {
    variant: {
      info: "border-border bg-muted text-foreground [&>svg]:text-muted-foreground",
      error: "border-destructive/30 bg-destructive-soft text-destructive",
    },
  },
  defaultVariants: { variant: "info" },
});

/** An inline message. Errors use role="alert" so screen readers announce them as they appear. */
export function Alert({ className, variant, children, ...props }: ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  const Icon = variant === "error" ? CircleAlert : Info;
  return (
    <div role={variant === "error" ? "alert" : "status"} className={cn(alertVariants({ variant }), className)} {...props}>
      <Icon aria-hidden />
      <div className="min-w-0 leading-5">{children}</div>
    </div>
  );
}
