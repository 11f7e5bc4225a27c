"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import { COMPETENCIES_MAX, COMPETENCY_DESCRIPTION_MAX, COMPETENCY_NAME_MAX, type CompetencySet } from "@/server/domain/scoring/competency-set";

/** A row being edited: `key` is kept for a competency that exists (a rename), absent for a new one. */
type Row = { key?: string; name: string; description: string };

/**
 * The competencies of a document: read-only for a shared one; for one's own, rename, describe, add and
 * remove them. What a removed competency held moves to the importer's proposal among the rest.
 */
export function CompetencySetEditor({ documentId, competencies, editable }: { documentId: string; competencies: CompetencySet; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(competencies);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation(
    trpc.bank.updateCompetencies.mutationOptions({
      onSuccess: async ({ moved }) => {
        setNotice(moved === 0 ? "Saved." : `Saved. ${moved} ${moved === 1 ? "criterion" : "criteria"} moved to another competency.`);
        await queryClient.invalidateQueries({ queryKey: trpc.bank.pathKey() });
      },
    }),
  );

  if (!editable) return <CompetencyList competencies={competencies} />;

  const setRow = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    save.mutate({ documentId, competencies: rows.map((row) => ({ ...row, name: row.name.trim(), description: row.description.trim() })) });
  };

  return (
    <form onSubmit={submit} className="grid gap-3" aria-label="Competencies" noValidate>
      <ol className="grid gap-2">
        {rows.map((row, index) => (
          <CompetencyRow
            key={row.key ?? `new-${index}`}
            row={row}
            index={index}
            removable={rows.length > 1}
            onChange={(patch) => setRow(index, patch)}
            onRemove={() => setRows((all) => all.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      {save.error ? <Alert variant="error">{errorMessage(save.error)}</Alert> : null}
      {notice ? (
        <p role="status" className="text-[13px] text-muted-foreground">
          {notice}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button
          type="button"
          variant="ghost"
          size="sm"
          disabled={rows.length >= COMPETENCIES_MAX}
          onClick={() => setRows((all) => [...all, { name: "", description: "" }])}
        >
          <Plus aria-hidden />
          Add competency
        </Button>
        <Button type="submit" size="sm" loading={save.isPending}>
          Save competencies
        </Button>
      </div>
    </form>
  );
}

/** A shared document's competencies, to read. */
function CompetencyList({ competencies }: { competencies: CompetencySet }) {
  return (
    <ul className="grid gap-1.5 text-[13px]" aria-label="Competencies">
      {competencies.map((competency) => (
        <li key={competency.key}>
          <span className="font-medium">{competency.name}</span>
          <span className="text-muted-foreground"> · {competency.description}</span>
        </li>
      ))}
      <li className="text-muted-foreground">Copy the document to your bank to rename, add or remove competencies.</li>
    </ul>
  );
}

function CompetencyRow({
  row,
  index,
  removable,
  onChange,
  onRemove,
}: {
  row: Row;
  index: number;
  removable: boolean;
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
}) {
  return (
    <li className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
      <Input
        aria-label={`Competency ${index + 1} name`}
        value={row.name}
        maxLength={COMPETENCY_NAME_MAX}
        onChange={(event) => onChange({ name: event.target.value })}
        className="sm:w-56"
      />
      <Input
        aria-label={`Competency ${index + 1} description`}
        value={row.description}
        maxLength={COMPETENCY_DESCRIPTION_MAX}
        placeholder="What it covers"
        onChange={(event) => onChange({ description: event.target.value })}
      />
      <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${row.name || `competency ${index + 1}`}`} disabled={!removable} onClick={onRemove}>
        <Trash2 aria-hidden />
      </Button>
    </li>
  );
}
