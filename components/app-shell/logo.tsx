import { cn } from "@/components/ui/cn";

/** Two arches: a pair of doorways (the room) that also read as an "M". */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={cn("size-6 shrink-0", className)}>
      <rect width="24" height="24" rx="6.5" className="fill-primary" />
      <path
        d="M6.5 17.5v-6.25a2.75 2.75 0 0 1 5.5 0v6.25m0-6.25a2.75 2.75 0 0 1 5.5 0v6.25"
        fill="none"
        stroke="white"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <LogoMark />
      <span className="text-[15px] font-semibold tracking-tight text-foreground">Mockroom</span>
    </span>
  );
}
