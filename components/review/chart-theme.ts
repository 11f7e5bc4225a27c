/** Series colours and axis styling for the progress charts: CSS variables, so both themes follow. */
export const SERIES = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)", "var(--chart-6)"] as const;

export const axisTick = { fill: "var(--color-muted-foreground)", fontSize: 12 };
export const gridStroke = "var(--color-border)";
export const tooltipStyle = {
  contentStyle: { background: "var(--color-card)", border: "1px solid var(--color-border)", borderRadius: 8, color: "var(--color-foreground)", fontSize: 13 },
  labelStyle: { color: "var(--color-foreground)", fontWeight: 600 },
  itemStyle: { color: "var(--color-foreground)" },
};

const day = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
export function shortDate(instant: string): string {
  return day.format(new Date(instant));
}

export function oneDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(1);
}

export function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}
