import { cn } from "@/components/ui/cn";

/** A form's error under its controls, announced as it appears; nothing when there is none. */
export function FormError({ message, className }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={cn("text-sm text-destructive", className)}>
      {message}
    </p>
  );
}
