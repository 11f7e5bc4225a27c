import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";

interface StatCardProps {
  label: string;
  value: number;
  hint: string;
  icon: LucideIcon;
  testId: string;
}

/** One figure of the overview, a <dt>/<dd> pair (the card is the <dl>'s group <div>), so label and value stay paired for screen readers. */
export function StatCard({ label, value, hint, icon: Icon, testId }: StatCardProps) {
  return (
    <Card className="flex flex-col gap-3 p-4 sm:p-5" data-testid={testId}>
      <dt className="flex items-center justify-between gap-2 text-[13px] font-medium text-muted-foreground">
        {label}
        <Icon aria-hidden className="size-4 text-muted-foreground/70" />
      </dt>
      <dd className="flex flex-col gap-3">
        <span className="text-3xl leading-none font-semibold tracking-tight tabular-nums">{value.toLocaleString("en")}</span>
        <span className="text-xs text-muted-foreground">{hint}</span>
      </dd>
    </Card>
  );
}
