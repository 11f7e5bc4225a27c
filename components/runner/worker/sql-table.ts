import type { Results } from "@electric-sql/pglite";

/** Rows printed past this are counted, not shown: the console is for reading. */
const MAX_ROWS = 200;
const MAX_CELL = 60;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  const text =
    typeof value === "object" && !(value instanceof Date)
      ? JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item))
      : String(value);
  const line = text.replace(/\r?\n/g, "↵");
  return line.length > MAX_CELL ? `${line.slice(0, MAX_CELL - 1)}…` : line;
}

/** A result set as psql prints it: a header, a rule, the rows, and their count. */
export function formatTable(result: Pick<Results, "fields" | "rows">): string {
  const header = result.fields.map((field) => field.name);
  const rows = (result.rows as unknown[][]).slice(0, MAX_ROWS).map((row) => row.map(cell));
  const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => ` ${cells.map((text, column) => text.padEnd(widths[column] ?? 0)).join(" | ")}`.trimEnd();
  const rule = widths.map((width) => "-".repeat(width + 2)).join("+");
  const count = result.rows.length;
  const more = count > MAX_ROWS ? [`… ${(count - MAX_ROWS).toLocaleString("en")} more rows`] : [];
  return [line(header), rule, ...rows.map(line), ...more, `(${count.toLocaleString("en")} ${count === 1 ? "row" : "rows"})`].join("\n");
}
