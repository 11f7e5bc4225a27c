import type { PassageChoice } from "@/components/bank/unused-passages";
import type { BankDocument } from "@/server/bank/bank-format";
import type { QuestionCorrection } from "@/server/api/routers/bank/update-question.schema";
import type { ImportOutcome } from "@/server/api/routers/bank/import.schema";
import type { PreviewResult } from "@/server/api/routers/bank/preview.schema";

/** Where one picked document is: read in the browser, recognised by the server (a preview), then imported. */
export type Phase = "reading" | "recognising" | "ready" | "failed" | "importing" | "imported";

export type PreviewReport = Extract<PreviewResult, { ok: true }>["report"];

export interface Entry {
  id: string;
  name: string;
  size: number;
  phase: Phase;
  progress: number;
  /** The file's bytes in base64, kept from its reading until it is imported. */
  content?: string;
  document?: BankDocument;
  report?: PreviewReport;
  error?: string;
  corrections: Record<string, QuestionCorrection>;
  /** What the user decided about each passage the importer did not use, by its first line. */
  passages: Record<number, PassageChoice>;
  outcome?: ImportOutcome;
}

export interface ImportQueue {
  entries: Entry[];
  /** True from the confirmation until the last ready document has been sent. */
  importing: boolean;
}

/** A picked file, with why it is refused before any upload (null when it is not). */
export interface PickedFile {
  id: string;
  name: string;
  size: number;
  refusal: string | null;
}

export type ImportQueueAction =
  | { type: "picked"; files: PickedFile[] }
  | { type: "readProgress"; id: string; progress: number }
  | { type: "read"; id: string; content: string }
  | { type: "previewed"; id: string; document: BankDocument; report: PreviewReport }
  | { type: "failed"; id: string; error: string }
  | { type: "corrected"; id: string; questionKey: string; correction: QuestionCorrection }
  | { type: "passageChosen"; id: string; line: number; choice: PassageChoice | null }
  | { type: "removed"; id: string }
  | { type: "importStarted" }
  | { type: "importing"; id: string }
  | { type: "imported"; id: string; outcome: ImportOutcome }
  | { type: "importFinished" };

export const emptyImportQueue: ImportQueue = { entries: [], importing: false };

function pickedEntry(file: PickedFile): Entry {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    phase: file.refusal ? "failed" : "reading",
    progress: 0,
    corrections: {},
    passages: {},
    ...(file.refusal ? { error: file.refusal } : {}),
  };
}

function withPassage(passages: Entry["passages"], line: number, choice: PassageChoice | null): Entry["passages"] {
  const next = { ...passages };
  if (choice === null) delete next[line];
  else next[line] = choice;
  return next;
}

/** The entry `id` changed by `change`; the others as they were. */
function updateEntry(queue: ImportQueue, id: string, change: (entry: Entry) => Partial<Entry>): ImportQueue {
  return { ...queue, entries: queue.entries.map((entry) => (entry.id === id ? { ...entry, ...change(entry) } : entry)) };
}

/** The import queue's one rule book: what each step of reading, previewing, correcting and importing does to it. */
export function reduceImportQueue(queue: ImportQueue, action: ImportQueueAction): ImportQueue {
  switch (action.type) {
    case "picked":
      // A new pick clears what was imported already; what is still pending stays.
      return { ...queue, entries: [...queue.entries.filter((entry) => entry.phase !== "imported"), ...action.files.map(pickedEntry)] };
    case "readProgress":
      return updateEntry(queue, action.id, () => ({ progress: action.progress }));
    case "read":
      return updateEntry(queue, action.id, () => ({ phase: "recognising", content: action.content }));
    case "previewed":
      return updateEntry(queue, action.id, () => ({ phase: "ready", document: action.document, report: action.report }));
    case "failed":
      return updateEntry(queue, action.id, () => ({ phase: "failed", error: action.error }));
    case "corrected":
      return updateEntry(queue, action.id, (entry) => ({ corrections: { ...entry.corrections, [action.questionKey]: action.correction } }));
    case "passageChosen":
      return updateEntry(queue, action.id, (entry) => ({ passages: withPassage(entry.passages, action.line, action.choice) }));
    case "removed":
      return { ...queue, entries: queue.entries.filter((entry) => entry.id !== action.id) };
    case "importStarted":
      return { ...queue, importing: true };
    case "importing":
      return updateEntry(queue, action.id, () => ({ phase: "importing" }));
    case "imported":
      // The bytes are not needed any more.
      return updateEntry(queue, action.id, () => ({ phase: "imported", outcome: action.outcome, content: undefined }));
    case "importFinished":
      return { ...queue, importing: false };
  }
}

/** The lines of the passages the user made questions of. */
export function passagesAsQuestions(entry: Entry): number[] {
  return Object.entries(entry.passages)
    .filter(([, choice]) => choice === "question")
    .map(([line]) => Number(line));
}

export interface Totals {
  questions: number;
  followUps: number;
  rubric: number;
}

/** What importing the entry would add, its corrections and the passages made questions included; null before its preview. */
export function entryTotals(entry: Entry): Totals | null {
  if (!entry.document) return null;
  const questions = entry.document.questions.map((question) => ({ ...question, ...entry.corrections[question.key] }));
  return {
    questions: questions.length + passagesAsQuestions(entry).length,
    followUps: questions.reduce((n, question) => n + question.followUps.length, 0),
    rubric: questions.reduce((n, question) => n + question.rubric.length, 0),
  };
}

export const readyEntries = (queue: ImportQueue): Entry[] => queue.entries.filter((entry) => entry.phase === "ready");

/** True while a file is still being read or recognised: importing waits for it. */
export const previewing = (queue: ImportQueue): boolean => queue.entries.some((entry) => entry.phase === "reading" || entry.phase === "recognising");

export function readyTotals(queue: ImportQueue): Totals {
  return readyEntries(queue).reduce<Totals>(
    (sum, entry) => {
      const totals = entryTotals(entry) ?? { questions: 0, followUps: 0, rubric: 0 };
      return { questions: sum.questions + totals.questions, followUps: sum.followUps + totals.followUps, rubric: sum.rubric + totals.rubric };
    },
    { questions: 0, followUps: 0, rubric: 0 },
  );
}

/** The import request's file for a ready entry: its bytes, the user's corrections and the passages made questions. */
export function importFile(entry: Entry) {
  return {
    name: entry.name,
    encoding: "base64" as const,
    content: entry.content ?? "",
    corrections: Object.entries(entry.corrections).map(([key, correction]) => ({ key, ...correction })),
    passagesAsQuestions: passagesAsQuestions(entry),
  };
}
