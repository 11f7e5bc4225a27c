"use client";

import { ChevronRight, CircleAlert, CircleCheck, FileText, FileUp, LoaderCircle, Trash2, Upload } from "lucide-react";
import Link from "next/link";
import { useReducer, useRef, useState, type Dispatch, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/components/providers/trpc-errors";
import { PreviewQuestion } from "@/components/bank/preview-question";
import { UnusedPassages } from "@/components/bank/unused-passages";
import { readFileAsBase64 } from "@/components/bank/read-file";
import { useTRPCClient } from "@/components/providers/trpc";
import {
  emptyImportQueue,
  entryTotals,
  importFile,
  previewing,
  readyEntries,
  readyTotals,
  reduceImportQueue,
  type Entry,
  type ImportQueue,
  type ImportQueueAction,
  type Phase,
} from "@/components/bank/import-queue";
import { MAX_BANK_BYTES } from "@/server/bank/bank-parse-error";
import type { ImportOutcome } from "@/server/api/routers/bank/import.schema";
import { BANK_FILE_EXTENSIONS } from "@/server/api/routers/bank/preview.schema";

// The server checks both again; checking here spares the upload of a file that would be refused.
const EXTENSIONS: readonly string[] = BANK_FILE_EXTENSIONS;
const MAX_MB = MAX_BANK_BYTES / 1024 / 1024;
const OPEN_UP_TO = 12;

const count = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

const formatSize = (bytes: number) =>
  bytes < 1024 ? count(bytes, "byte") : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function whyRefused(file: File): string | null {
  if (!EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) return `${file.name} is not a file the importer reads (${EXTENSIONS.join(", ")}).`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_BANK_BYTES) return `${file.name} is ${formatSize(file.size)}; documents are limited to ${MAX_MB} MB.`;
  return null;
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
  const { queue, dispatch, addFiles, importAll } = useImportQueue();
  return (
    <div className="grid gap-6">
      <DropZone onFiles={addFiles} />

      {queue.entries.map((entry) => (
        <ImportFileCard key={entry.id} entry={entry} importing={queue.importing} dispatch={dispatch} />
      ))}

      {readyEntries(queue).length > 0 ? <ConfirmImportBar queue={queue} onImport={() => void importAll()} /> : null}

      {queue.entries.length === 0 ? (
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

/** The documents picked for import, each read, recognised (previewed) and then imported on confirmation (`reduceImportQueue`). */
function useImportQueue() {
  const client = useTRPCClient();
  const [queue, dispatch] = useReducer(reduceImportQueue, emptyImportQueue);

  async function previewOne(id: string, file: File) {
    try {
      const content = await readFileAsBase64(file, (progress) => dispatch({ type: "readProgress", id, progress }));
      dispatch({ type: "read", id, content });
      const [result] = await client.bank.preview.mutate({ files: [{ name: file.name, encoding: "base64", content }] });
      if (!result) throw new Error("no result");
      dispatch(result.ok ? { type: "previewed", id, document: result.document, report: result.report } : { type: "failed", id, error: result.message });
    } catch (error) {
      dispatch({ type: "failed", id, error: errorMessage(error) });
    }
  }

  function addFiles(files: FileList | File[]) {
    const picked = Array.from(files, (file) => ({ file, id: crypto.randomUUID(), refusal: whyRefused(file) }));
    dispatch({ type: "picked", files: picked.map(({ file, id, refusal }) => ({ id, name: file.name, size: file.size, refusal })) });
    for (const { file, id, refusal } of picked) if (!refusal) void previewOne(id, file);
  }

  async function importAll() {
    dispatch({ type: "importStarted" });
    for (const entry of readyEntries(queue)) {
      dispatch({ type: "importing", id: entry.id });
      try {
        const [result] = await client.bank.import.mutate({ files: [importFile(entry)] });
        if (!result) throw new Error("no result");
        dispatch(result.ok ? { type: "imported", id: entry.id, outcome: result.outcome } : { type: "failed", id: entry.id, error: result.message });
      } catch (error) {
        dispatch({ type: "failed", id: entry.id, error: errorMessage(error) });
      }
    }
    dispatch({ type: "importFinished" });
  }

  return { queue, dispatch, addFiles, importAll };
}

const previewShown = (phase: Phase) => phase === "ready" || phase === "importing";

/** One picked document: where it is, what was recognised in it, and the user's corrections. */
function ImportFileCard({ entry, importing, dispatch }: { entry: Entry; importing: boolean; dispatch: Dispatch<ImportQueueAction> }) {
  return (
    <Card className="overflow-hidden" data-testid="bank-file" aria-label={entry.name} role="region">
      <div className="flex items-start gap-3 p-4 sm:px-5">
        <span aria-hidden className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-lg border bg-muted/60">
          <PhaseIcon phase={entry.phase} />
        </span>
        <div className="grid min-w-0 flex-1 gap-1.5">
          <div className="flex min-w-0 items-baseline gap-2">
            <p className="truncate text-sm font-medium">{entry.document?.title ?? entry.name}</p>
            <span className="shrink-0 text-xs text-muted-foreground">
              {entry.document ? `${entry.name} · ` : ""}
              {formatSize(entry.size)}
            </span>
          </div>
          <FileProgress entry={entry} />
          {previewShown(entry.phase) ? <FileCounts entry={entry} /> : null}
          {entry.outcome ? <FileOutcome outcome={entry.outcome} /> : null}
        </div>
        {entry.phase === "ready" || entry.phase === "failed" ? (
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Remove ${entry.name}`}
            disabled={importing}
            onClick={() => dispatch({ type: "removed", id: entry.id })}
          >
            <Trash2 aria-hidden />
          </Button>
        ) : null}
      </div>
      {entry.document && previewShown(entry.phase) ? (
        <RecognisedQuestions entry={entry} document={entry.document} importing={importing} dispatch={dispatch} />
      ) : null}
      {entry.report && entry.report.unused.length > 0 && previewShown(entry.phase) ? (
        <UnusedPassages
          fileName={entry.name}
          report={entry.report}
          choices={entry.passages}
          disabled={importing}
          onChoose={(line, choice) => dispatch({ type: "passageChosen", id: entry.id, line, choice })}
        />
      ) : null}
    </Card>
  );
}

function PhaseIcon({ phase }: { phase: Phase }) {
  if (phase === "failed") return <CircleAlert className="size-4 text-destructive" />;
  if (phase === "imported") return <CircleCheck className="size-4 text-success" />;
  if (phase === "ready") return <FileText className="size-4 text-muted-foreground" />;
  return <LoaderCircle className="size-4 animate-spin text-muted-foreground" />;
}

/** Reading, recognising or importing as it goes; why it failed when it did. */
function FileProgress({ entry }: { entry: Entry }) {
  return (
    <>
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
    </>
  );
}

/** What importing the document would add, what was repaired, and how many passages are still undecided. */
function FileCounts({ entry }: { entry: Entry }) {
  const totals = entryTotals(entry);
  if (!totals) return null;
  const unusedLeft = (entry.report?.unusedTotal ?? 0) - Object.keys(entry.passages).length;
  return (
    <p className="text-[13px] text-muted-foreground" data-testid="bank-file-counts">
      <span className="font-medium text-foreground">{count(totals.questions, "question")}</span> · {count(totals.followUps, "follow-up")} ·{" "}
      {count(totals.rubric, "rubric criterion", "rubric criteria")}
      {entry.document && entry.document.repairs.mojibakeFixed > 0 ? ` · ${entry.document.repairs.mojibakeFixed} garbled characters repaired` : ""}
      {entry.document && entry.document.repairs.codeLinesRestored > 0
        ? ` · line breaks restored in ${entry.document.repairs.codeLinesRestored} code lines`
        : ""}
      {unusedLeft > 0 ? <span className="text-amber-700 dark:text-amber-300"> · {count(unusedLeft, "passage")} not used, see below</span> : null}
    </p>
  );
}

function FileOutcome({ outcome }: { outcome: ImportOutcome }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]" data-testid="bank-file-outcome">
      <Badge variant="success">{outcomeText[outcome.status]}</Badge>
      <span className="text-muted-foreground">
        {count(outcome.questions, "question")}
        {outcome.status === "updated" ? ` (${outcome.updated} updated, ${outcome.added} added, ${outcome.removed} removed)` : ""}
      </span>
      <Link
        href={`/bank?document=${encodeURIComponent(outcome.documentId)}`}
        className="font-medium text-primary-soft-foreground underline-offset-4 hover:underline"
      >
        Browse them
      </Link>
    </p>
  );
}

interface RecognisedQuestionsProps {
  entry: Entry;
  document: NonNullable<Entry["document"]>;
  importing: boolean;
  dispatch: Dispatch<ImportQueueAction>;
}

function RecognisedQuestions({ entry, document, importing, dispatch }: RecognisedQuestionsProps) {
  return (
    // A long document starts folded, so that several files can be checked side by side.
    <details className="group/list border-t" open={document.questions.length <= OPEN_UP_TO}>
      <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2.5 text-[13px] font-medium text-muted-foreground outline-none hover:bg-accent/40 hover:text-foreground focus-visible:bg-accent/60 sm:px-5 [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-4 transition-transform group-open/list:rotate-90" />
        Recognised questions
      </summary>
      <ol className="divide-y border-t" aria-label={`Questions recognised in ${entry.name}`}>
        {document.questions.map((question, index) => (
          <PreviewQuestion
            key={question.key}
            index={index}
            question={question}
            document={document}
            correction={entry.corrections[question.key]}
            passages={entry.report?.sourcePassages ?? []}
            disabled={importing}
            onCorrect={(correction) => dispatch({ type: "corrected", id: entry.id, questionKey: question.key, correction })}
          />
        ))}
      </ol>
    </details>
  );
}

/** Stays in sight while documents are ready: what importing them all adds, and the button that does it. */
function ConfirmImportBar({ queue, onImport }: { queue: ImportQueue; onImport: () => void }) {
  const ready = readyEntries(queue);
  const totals = readyTotals(queue);
  return (
    <div className="sticky bottom-4 z-10">
      <Card className="flex flex-col gap-3 p-4 shadow-lg sm:flex-row sm:items-center sm:justify-between sm:px-5">
        <p className="text-sm">
          <span className="font-medium">
            {ready.length} document{ready.length === 1 ? "" : "s"} ready
          </span>
          <span className="text-muted-foreground">
            {" "}
            · {count(totals.questions, "question")}, {count(totals.followUps, "follow-up")}, {count(totals.rubric, "rubric criterion", "rubric criteria")}
          </span>
        </p>
        <Button onClick={onImport} loading={queue.importing} disabled={previewing(queue)} data-testid="bank-confirm-import">
          Import {ready.length === 1 ? "document" : `${ready.length} documents`}
        </Button>
      </Card>
    </div>
  );
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
        Markdown, plain text, reStructuredText, AsciiDoc or Org (.md, .txt, .rst, .adoc, .org), PDF with a text layer, Word (.docx) or HTML, including a Google
        Docs web page export; up to {MAX_MB} MB each. Nothing is stored until you confirm.
      </p>
      <Button variant="outline" className="mt-5" onClick={() => inputRef.current?.click()}>
        <Upload aria-hidden />
        Choose files
      </Button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={[
          ...EXTENSIONS,
          "text/markdown",
          "text/plain",
          "text/html",
          "application/pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ].join(",")}
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
