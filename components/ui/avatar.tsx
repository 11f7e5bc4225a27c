import { cn } from "@/components/ui/cn";

/** Up to two initials: first and last word of a name, or the start of an email. */
export function initialsOf(name: string | null | undefined, email?: string | null): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  if (first) return ((first[0] ?? "") + (last?.[0] ?? "")).toUpperCase();
  return (email?.trim()[0] ?? "?").toUpperCase();
}

interface AvatarProps {
  name: string | null | undefined;
  email?: string | null;
  className?: string;
}

/** Initials in a tinted circle. Decorative: the person's name is always given in text nearby. */
export function Avatar({ name, email, className }: AvatarProps) {
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold tracking-wide text-primary-soft-foreground select-none",
        "ring-1 ring-primary/15",
        className,
      )}
    >
      {initialsOf(name, email)}
    </span>
  );
}
