"use client";

import { ChevronRight, CircleAlert, CircleCheck, FileText, FileUp, LoaderCircle, Trash2, Upload } from "lucide-react";
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/components/providers/trpc-errors";
import { PreviewQuestion } from "@/components/bank/preview-question";
import { UnusedPassages, type PassageChoice } from "@/components/bank/unused-passages";
import { readFileAsBase64 } from "@/components/bank/read-file";
import { useTRPCClient } from "@/components/providers/trpc";
import type { BankDocument } from "@/server/bank/bank-format";
import type { PreviewResult } from "@/server/api/routers/bank/preview.schema";
import { MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import type { QuestionCorrection } from "@/server/api/routers/bank/update-question.schema";
import type { ImportOutcome } from "@/server/api/routers/bank/import.schema";

// The server checks both again; checking here spares the upload of a file that would be refused.
const EXTENSIONS = [".md", ".markdown", ".txt"];
const MAX_MB = MAX_BANK_BYTES / 1024 / 1024;
const OPEN_UP_TO = 12;

type Phase = "reading" | "recognising" | "ready" | "failed" | "importing" | "imported";

interface Entry {
  id: string;
  name: string;
  size: number;
  phase: Phase;
  progress: number;
  content?: string;
  document?: BankDocument;
  report?: Extract<PreviewResult, { ok: true }>["report"];
  error?: string;
  corrections: Record<string, QuestionCorrection>;
  /** What the user decided about each passage the importer did not use, by its first line. */
  passages: Record<number, PassageChoice>;
  outcome?: ImportOutcome;
}

const count = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

const formatSize = (bytes: number) =>
  bytes < 1024 ? count(bytes, "byte") : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const passagesAsQuestions = (entry: Entry) =>
  Object.entries(entry.passages)
    .filter(([, choice]) => choice === "question")
    .map(([line]) => Number(line));

function refusal(file: File): string | null {
  if (!EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) return `${file.name} is not a .md, .markdown or .txt file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_BANK_BYTES) return `${file.name} is ${formatSize(file.size)}; documents are limited to ${MAX_MB} MB.`;
  return null;
}

function totals(entry: Entry & { document: BankDocument }) {
  const questions = entry.document.questions.map((q) => ({ ...q, ...entry.corrections[q.key] }));
  return {
    questions: questions.length + passagesAsQuestions(entry).length,
    followUps: questions.reduce((n, q) => n + q.followUps.length, 0),
    rubric: questions.reduce((n, q) => n + q.rubric.length, 0),
  };
}

function ProgressBar({ value, label }: { value: number | null; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value === null ? undefined : Math.round(value * 100)}
      className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
    >
      <div
        className={cn("h-full rounded-full bg-primary transition-[width] duration-200", value === null && "w-full animate-pulse bg-primary/60")}
        style={value === null ? undefined : { width: `${Math.max(4, value * 100)}%` }}
      />
    </div>
  );
}

const outcomeText: Record<ImportOutcome["status"], string> = {
  created: "Imported",
  updated: "Updated in place",
  unchanged: "Already in the bank, unchanged",
};

/** Upload, preview, correct, then import interview-prep documents, one file at a time so each shows its own progress. */
export function BankImporter() {
  const { entries, update, addFiles, remove, importAll, importing } = useImportQueue();

  const ready = entries.filter((e) => e.phase === "ready");
  const busy = entries.some((e) => e.phase === "reading" || e.phase === "recognising");
  const readyTotals = ready.reduce(
    (sum, e) => {
      const t = e.document ? totals({ ...e, document: e.document }) : { questions: 0, followUps: 0, rubric: 0 };
      return { questions: sum.questions + t.questions, followUps: sum.followUps + t.followUps, rubric: sum.rubric + t.rubric };
    },
    { questions: 0, followUps: 0, rubric: 0 },
  );

  return (
    <div className="grid gap-6">
      <DropZone onFiles={addFiles} />

      {entries.map((entry) => {
        const t = entry.document ? totals({ ...entry, document: entry.document }) : null;
        const unusedLeft = (entry.report?.unusedTotal ?? 0) - Object.keys(entry.passages).length;
        return (
          <Card key={entry.id} className="overflow-hidden" data-testid="bank-file" aria-label={entry.name} role="region">
            <div className="flex items-start gap-3 p-4 sm:px-5">
              <span aria-hidden className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-lg border bg-muted/60">
                {entry.phase === "failed" ? (
                  <CircleAlert className="size-4 text-destructive" />
                ) : entry.phase === "imported" ? (
                  <CircleCheck className="size-4 text-success" />
                ) : entry.phase === "ready" ? (
                  <FileText className="size-4 text-muted-foreground" />
                ) : (
                  <LoaderCircle className="size-4 animate-spin text-muted-foreground" />
                )}
              </span>
              <div className="grid min-w-0 flex-1 gap-1.5">
                <div className="flex min-w-0 items-baseline gap-2">
                  <p className="truncate text-sm font-medium">{entry.document?.title ?? entry.name}</p>
                  <span className="shrink-0 text-xs text-muted-foreground">
                    {entry.document ? `${entry.name} · ` : ""}
                    {formatSize(entry.size)}
                  </span>
                </div>
                {entry.phase === "reading" ? <ProgressBar value={entry.progress} label={`Reading ${entry.name}`} /> : null}
                {entry.phase === "recognising" || entry.phase === "importing" ? (
                  <>
                    <ProgressBar value={null} label={entry.phase === "recognising" ? `Recognising ${entry.name}` : `Importing ${entry.name}`} />
                    <p className="text-xs text-muted-foreground">{entry.phase === "recognising" ? "Recognising questions…" : "Importing…"}</p>
                  </>
                ) : null}
                {entry.phase === "failed" ? (
                  <p className="text-[13px] text-destructive" role="alert">
                    {entry.error}
                  </p>
                ) : null}
                {t && (entry.phase === "ready" || entry.phase === "importing") ? (
                  <p className="text-[13px] text-muted-foreground" data-testid="bank-file-counts">
                    <span className="font-medium text-foreground">{count(t.questions, "question")}</span> · {count(t.followUps, "follow-up")} ·{" "}
                    {count(t.rubric, "rubric criterion", "rubric criteria")}
                    {entry.document && entry.document.repairs.mojibakeFixed > 0 ? ` · ${entry.document.repairs.mojibakeFixed} garbled characters repaired` : ""}
                    {entry.document && entry.document.repairs.codeLinesRestored > 0
                      ? ` · line breaks restored in ${entry.document.repairs.codeLinesRestored} code lines`
                      : ""}
                    {unusedLeft > 0 ? <span className="text-amber-700 dark:text-amber-300"> · {count(unusedLeft, "passage")} not used, see below</span> : null}
                  </p>
                ) : null}
                {entry.outcome ? (
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]" data-testid="bank-file-outcome">
                    <Badge variant="success">{outcomeText[entry.outcome.status]}</Badge>
                    <span className="text-muted-foreground">
                      {count(entry.outcome.questions, "question")}
                      {entry.outcome.status === "updated"
                        ? ` (${entry.outcome.updated} updated, ${entry.outcome.added} added, ${entry.outcome.removed} removed)`
                        : ""}
                    </span>
                    <Link
                      href={`/bank?document=${encodeURIComponent(entry.outcome.documentId)}`}
                      className="font-medium text-primary-soft-foreground underline-offset-4 hover:underline"
                    >
                      Browse them
                    </Link>
                  </p>
                ) : null}
              </div>
              {entry.phase === "ready" || entry.phase === "failed" ? (
                <Button variant="ghost" size="icon" aria-label={`Remove ${entry.name}`} disabled={importing} onClick={() => remove(entry.id)}>
                  <Trash2 aria-hidden />
                </Button>
              ) : null}
            </div>
            {entry.document && (entry.phase === "ready" || entry.phase === "importing") ? (
              // A long document starts folded, so that several files can be checked side by side.
              <details className="group/list border-t" open={entry.document.questions.length <= OPEN_UP_TO}>
                <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2.5 text-[13px] font-medium text-muted-foreground outline-none hover:bg-accent/40 hover:text-foreground focus-visible:bg-accent/60 sm:px-5 [&::-webkit-details-marker]:hidden">
                  <ChevronRight aria-hidden className="size-4 transition-transform group-open/list:rotate-90" />
                  Recognised questions
                </summary>
                <ol className="divide-y border-t" aria-label={`Questions recognised in ${entry.name}`}>
                  {entry.document.questions.map((question, index) => (
                    <PreviewQuestion
                      key={question.key}
                      index={index}
                      question={question}
                      competencies={entry.document?.competencies ?? []}
                      correction={entry.corrections[question.key]}
                      disabled={importing}
                      onCorrect={(correction) => update(entry.id, (e) => ({ corrections: { ...e.corrections, [question.key]: correction } }))}
                    />
                  ))}
                </ol>
              </details>
            ) : null}
            {entry.report && entry.report.unused.length > 0 && (entry.phase === "ready" || entry.phase === "importing") ? (
              <UnusedPassages
                fileName={entry.name}
                report={entry.report}
                choices={entry.passages}
                disabled={importing}
                onChoose={(line, choice) =>
                  update(entry.id, (e) => {
                    const passages = { ...e.passages };
                    if (choice === null) delete passages[line];
                    else passages[line] = choice;
                    return { passages };
                  })
                }
              />
            ) : null}
          </Card>
        );
      })}

      {ready.length > 0 ? (
        <div className="sticky bottom-4 z-10">
          <Card className="flex flex-col gap-3 p-4 shadow-lg sm:flex-row sm:items-center sm:justify-between sm:px-5">
            <p className="text-sm">
              <span className="font-medium">
                {ready.length} document{ready.length === 1 ? "" : "s"} ready
              </span>
              <span className="text-muted-foreground">
                {" "}
                · {count(readyTotals.questions, "question")}, {count(readyTotals.followUps, "follow-up")},{" "}
                {count(readyTotals.rubric, "rubric criterion", "rubric criteria")}
              </span>
            </p>
            <Button onClick={() => void importAll()} loading={importing} disabled={busy} data-testid="bank-confirm-import">
              Import {ready.length === 1 ? "document" : `${ready.length} documents`}
            </Button>
          </Card>
        </div>
      ) : null}

      {entries.length === 0 ? (
        <Alert>
          Questions are found by the layout your document repeats: headings, numbered or bold-led paragraphs, “Q:” lines, &lt;details&gt; blocks, quotations or
          a table with a Question column. Answers, follow-ups, rubric criteria (“Key points”, “What is this testing?”), red flags and example scores are picked
          up around them. Anything not used is listed before you import, so you can make it a question. Re-importing a file of the same name updates its
          questions in place.
        </Alert>
      ) : null}
    </div>
  );
}

/** The documents picked for import, each read, recognised (previewed) and then imported on confirmation. */
function useImportQueue() {
  const client = useTRPCClient();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [importing, setImporting] = useState(false);

  const update = (id: string, patch: Partial<Entry> | ((entry: Entry) => Partial<Entry>)) =>
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...(typeof patch === "function" ? patch(e) : patch) } : e)));

  async function previewOne(id: string, file: File) {
    try {
      const content = await readFileAsBase64(file, (progress) => update(id, { progress }));
      update(id, { phase: "recognising", content });
      const [result] = await client.bank.preview.mutate({ files: [{ name: file.name, encoding: "base64", content }] });
      if (!result) throw new Error("no result");
      update(id, result.ok ? { phase: "ready", document: result.document, report: result.report } : { phase: "failed", error: result.message });
    } catch (error) {
      update(id, { phase: "failed", error: errorMessage(error) });
    }
  }

  function addFiles(files: FileList | File[]) {
    const added = Array.from(files).map((file) => {
      const problem = refusal(file);
      const entry: Entry = {
        id: crypto.randomUUID(),
        name: file.name,
        size: file.size,
        phase: problem ? "failed" : "reading",
        progress: 0,
        corrections: {},
        passages: {},
        ...(problem ? { error: problem } : {}),
      };
      return { entry, file, problem };
    });
    setEntries((list) => [...list.filter((e) => e.phase !== "imported"), ...added.map((a) => a.entry)]);
    for (const { entry, file, problem } of added) if (!problem) void previewOne(entry.id, file);
  }

  async function importAll() {
    setImporting(true);
    for (const entry of entries.filter((e) => e.phase === "ready")) {
      update(entry.id, { phase: "importing" });
      try {
        const [result] = await client.bank.import.mutate({
          files: [
            {
              name: entry.name,
              encoding: "base64",
              content: entry.content ?? "",
              corrections: Object.entries(entry.corrections).map(([key, correction]) => ({ key, ...correction })),
              passagesAsQuestions: passagesAsQuestions(entry),
            },
          ],
        });
        if (!result) throw new Error("no result");
        update(entry.id, result.ok ? { phase: "imported", outcome: result.outcome, content: undefined } : { phase: "failed", error: result.message });
      } catch (error) {
        update(entry.id, { phase: "failed", error: errorMessage(error) });
      }
    }
    setImporting(false);
  }

  const remove = (id: string) => setEntries((list) => list.filter((e) => e.id !== id));

  return { entries, update, addFiles, remove, importAll, importing };
}

/** Where documents are dropped or chosen; nothing is sent until they are previewed and confirmed. */
function DropZone({ onFiles }: { onFiles: (files: FileList | File[]) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) onFiles(event.dataTransfer.files);
  }

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cn(
        "flex flex-col items-center justify-center rounded-xl border-2 border-dashed bg-card px-6 py-10 text-center transition-colors",
        dragging ? "border-primary bg-primary-soft/40" : "border-border",
      )}
      data-testid="bank-dropzone"
    >
      <span aria-hidden className="mb-4 flex size-12 items-center justify-center rounded-full border bg-muted/60">
        <FileUp className="size-5 text-muted-foreground" />
      </span>
      <p className="font-medium">Drop interview-prep documents here</p>
      <p className="mt-1 max-w-md text-sm text-muted-foreground">
        Markdown or plain text (.md, .markdown, .txt), up to {MAX_MB} MB each. Nothing is stored until you confirm.
      </p>
      <Button variant="outline" className="mt-5" onClick={() => inputRef.current?.click()}>
        <Upload aria-hidden />
        Choose files
      </Button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={[...EXTENSIONS, "text/markdown", "text/plain"].join(",")}
        className="sr-only"
        tabIndex={-1}
        aria-label="Choose documents to import"
        data-testid="bank-file-input"
        onChange={(event) => {
          if (event.target.files) onFiles(event.target.files);
          event.target.value = "";
        }}
      />
    </div>
  );
}
