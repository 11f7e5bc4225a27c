import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";

interface StatCardProps {
  label: string;
  value: number;
  hint: string;
  icon: LucideIcon;
  testId: string;
}

/** One figure of the overview. Meant to sit inside a <dl>, so label and value stay paired for screen readers. */
export function StatCard({ label, value, hint, icon: Icon, testId }: StatCardProps) {
  return (
    <Card className="flex flex-col gap-3 p-4 sm:p-5" data-testid={testId}>
      <div className="flex items-center justify-between gap-2">
        <dt className="text-[13px] font-medium text-muted-foreground">{label}</dt>
        <Icon aria-hidden className="size-4 text-muted-foreground/70" />
      </div>
      <dd className="text-3xl leading-none font-semibold tracking-tight tabular-nums">{value.toLocaleString("en")}</dd>
      <p className="text-xs text-muted-foreground">{hint}</p>
    </Card>
  );
}
