import { cn } from "@/components/ui/cn";

/**
 * Up to two initials: the first letters of the name's first and last words, or the start of an email.
 * Only words that start with a letter count, so "Mo Bile (laptop)" is "MB", not "M(".
 */
export function initialsOf(name: string | null | undefined, email?: string | null): string {
  // A word in brackets or after a symbol is a note about the person ("(laptop)", "#2"), not their name.
  const words = (name ?? "")
    .trim()
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word));
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  if (first) return (Array.from(first)[0]! + (last ? Array.from(last)[0]! : "")).toUpperCase();
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
