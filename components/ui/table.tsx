import type { ReactNode } from "react";

export interface TableColumn {
  label: ReactNode;
  /** A tooltip on the column's header, for a label that needs a word more. */
  title?: string;
}

export interface TableRow {
  key: string;
  /** The row's name, read out as its header. */
  header: ReactNode;
  /** One per column after the first, right-aligned figures. */
  cells: ReactNode[];
}

/** A table of figures: a name per row, then right-aligned numbers under their column headers. */
export function FiguresTable({ first, columns, rows }: { first: ReactNode; columns: TableColumn[]; rows: TableRow[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b text-[13px] text-muted-foreground">
          <th scope="col" className="py-1.5 font-medium">
            {first}
          </th>
          {columns.map((column, i) => (
            <th key={i} scope="col" className="py-1.5 pl-4 text-right font-medium" title={column.title}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b last:border-0">
            <th scope="row" className="py-1.5 font-normal">
              {row.header}
            </th>
            {row.cells.map((cell, i) => (
              <td key={i} className="py-1.5 pl-4 text-right tabular-nums">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
