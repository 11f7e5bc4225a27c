import { Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A list the person can add to: its legend and "Add" button, a note, then the entries. */
export function EditableList({
  legend,
  addLabel,
  onAdd,
  addDisabled = false,
  note,
  children,
}: {
  legend: string;
  addLabel: string;
  onAdd: () => void;
  addDisabled?: boolean;
  note: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset className="grid gap-3">
      <div className="flex items-center justify-between gap-2">
        <legend className="text-[13px] font-medium">{legend}</legend>
        <Button type="button" variant="ghost" size="sm" onClick={onAdd} disabled={addDisabled}>
          <Plus aria-hidden />
          {addLabel}
        </Button>
      </div>
      {note}
      <ol className="grid gap-3">{children}</ol>
    </fieldset>
  );
}

/** An entry's first line: its number, its main field, and the button that removes it. */
export function EntryHeading({ index, removeLabel, onRemove, children }: { index: number; removeLabel: string; onRemove: () => void; children: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-5 shrink-0 text-center text-xs font-medium text-muted-foreground tabular-nums">{index + 1}</span>
      {children}
      <Button type="button" variant="ghost" size="icon" aria-label={removeLabel} onClick={onRemove}>
        <Trash2 aria-hidden />
      </Button>
    </div>
  );
}
