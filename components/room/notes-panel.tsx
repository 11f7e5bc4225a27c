"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/room/kbd";
import { intoInterview } from "@/components/room/format-time";
import { NOTE_MAX_LENGTH, type ClientCommand, type NoteView } from "@/server/domain/room";

interface NotesPanelProps {
  notes: NoteView[];
  /** Question id -> its number in the interview ("Q2"). */
  questionNumber: (questionId: string | null) => number | null;
  currentQuestionId: string | null;
  sessionStartedAt: string | null;
  /** Notes written after it are marked as written after the interview. */
  sessionEndedAt: string | null;
  canWrite: boolean;
  /** Who can read these notes besides the author; shown under the heading. */
  audience: string;
  authorName: (userId: string) => string;
  send: (command: ClientCommand) => Promise<boolean>;
}

const textareaClass =
  "w-full resize-none rounded-md border border-input bg-card px-3 py-2 text-sm leading-5 outline-none placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25";

/** Private notes, stamped by the server with the time and the question that was current. */
export function NotesPanel({
  notes,
  questionNumber,
  currentQuestionId,
  sessionStartedAt,
  sessionEndedAt,
  canWrite,
  audience,
  authorName,
  send,
}: NotesPanelProps) {
  const newestFirst = [...notes].reverse();
  const current = questionNumber(currentQuestionId);

  return (
    <section aria-labelledby="notes-heading" className="flex min-h-0 flex-col rounded-xl border bg-card shadow-xs">
      <header className="border-b px-4 py-3">
        <h2 id="notes-heading" className="text-sm font-semibold">
          Private notes
        </h2>
        <p className="text-xs text-muted-foreground">{audience}</p>
      </header>
      {canWrite ? (
        <NoteComposer placeholder={sessionEndedAt ? "A note after the interview…" : current ? `A note on question ${current}…` : "A note…"} send={send} />
      ) : null}
      {newestFirst.length === 0 ? (
        <p className="px-4 py-6 text-center text-[13px] text-muted-foreground">No notes yet. They are stamped with the time and the current question.</p>
      ) : (
        <ol aria-label="Notes" className="min-h-0 flex-1 divide-y overflow-y-auto">
          {newestFirst.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              number={questionNumber(note.questionId)}
              onCurrent={note.questionId !== null && note.questionId === currentQuestionId}
              sessionStartedAt={sessionStartedAt}
              sessionEndedAt={sessionEndedAt}
              authorName={authorName}
              send={send}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface NoteItemProps {
  note: NoteView;
  number: number | null;
  onCurrent: boolean;
  sessionStartedAt: string | null;
  sessionEndedAt: string | null;
  authorName: (userId: string) => string;
  send: (command: ClientCommand) => Promise<boolean>;
}

function NoteItem({ note, number, onCurrent, sessionStartedAt, sessionEndedAt, authorName, send }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const [busy, setBusy] = useState(false);

  async function saveEdit() {
    const text = draft.trim();
    if (!text || text.length > NOTE_MAX_LENGTH) return;
    if (text === note.body) return setEditing(false);
    setBusy(true);
    const ok = await send({ type: "editNote", noteId: note.id, body: text });
    setBusy(false);
    if (ok) setEditing(false);
  }

  async function remove() {
    setBusy(true);
    const ok = await send({ type: "deleteNote", noteId: note.id });
    if (!ok) setBusy(false);
  }

  return (
    <li className={cn("group grid gap-1 px-4 py-3", onCurrent && "bg-primary-soft/30")} data-testid="note">
      <div className="flex items-center gap-2 text-xs text-muted-foreground">
        <time dateTime={note.createdAt} data-testid="note-time">
          {sessionEndedAt && note.createdAt >= sessionEndedAt ? "After the interview" : intoInterview(note.createdAt, sessionStartedAt)}
        </time>
        {number ? <span className="rounded bg-muted px-1.5 py-px font-medium text-muted-foreground">Q{number}</span> : null}
        {!note.mine ? <span>· {authorName(note.authorId)}</span> : null}
        {note.updatedAt !== note.createdAt ? <span>· edited</span> : null}
        {note.mine && !editing ? (
          <NoteActions
            busy={busy}
            onEdit={() => {
              setDraft(note.body);
              setEditing(true);
            }}
            onDelete={() => void remove()}
          />
        ) : null}
      </div>
      {editing ? (
        <NoteEditForm noteId={note.id} draft={draft} busy={busy} onDraft={setDraft} onSave={() => void saveEdit()} onCancel={() => setEditing(false)} />
      ) : (
        <p className="min-w-0 text-sm leading-5 whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="note-body">
          {note.body}
        </p>
      )}
    </li>
  );
}

/** A new note: Enter saves it, Shift+Enter starts a new line. */
function NoteComposer({ placeholder, send }: { placeholder: string; send: NotesPanelProps["send"] }) {
  const [body, setBody] = useState("");
  const [saving, setSaving] = useState(false);

  async function add() {
    const text = body.trim();
    if (!text || saving || text.length > NOTE_MAX_LENGTH) return;
    setSaving(true);
    const ok = await send({ type: "addNote", body: text });
    setSaving(false);
    if (ok) setBody("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void add();
    }
  }

  return (
    <form
      className="grid gap-2 border-b p-3"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label htmlFor="note-input" className="sr-only">
        Note
      </label>
      <textarea
        id="note-input"
        rows={3}
        value={body}
        aria-invalid={body.trim().length > NOTE_MAX_LENGTH ? true : undefined}
        aria-describedby="note-input-count"
        placeholder={placeholder}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        className={textareaClass}
      />
      <NoteLength id="note-input-count" text={body} />
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-1 text-xs text-muted-foreground">
          <Kbd>Enter</Kbd> to save, <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> new line
        </span>
        <Button type="submit" size="sm" loading={saving} disabled={!body.trim() || body.trim().length > NOTE_MAX_LENGTH}>
          Add note
        </Button>
      </div>
    </form>
  );
}

function NoteActions({ busy, onEdit, onDelete }: { busy: boolean; onEdit: () => void; onDelete: () => void }) {
  return (
    <span className="ml-auto flex gap-0.5 opacity-60 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
      <button type="button" aria-label="Edit note" onClick={onEdit} className="rounded p-1 hover:bg-accent hover:text-foreground">
        <Pencil aria-hidden className="size-3.5" />
      </button>
      <button type="button" aria-label="Delete note" disabled={busy} onClick={onDelete} className="rounded p-1 hover:bg-accent hover:text-destructive">
        <Trash2 aria-hidden className="size-3.5" />
      </button>
    </span>
  );
}

function NoteEditForm({
  noteId,
  draft,
  busy,
  onDraft,
  onSave,
  onCancel,
}: {
  noteId: string;
  draft: string;
  busy: boolean;
  onDraft: (draft: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="grid gap-2">
      <textarea
        aria-label="Edit note"
        autoFocus
        rows={3}
        value={draft}
        aria-invalid={draft.trim().length > NOTE_MAX_LENGTH ? true : undefined}
        aria-describedby={`note-edit-count-${noteId}`}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            onSave();
          }
          if (event.key === "Escape") onCancel();
        }}
        className={textareaClass}
      />
      <NoteLength id={`note-edit-count-${noteId}`} text={draft} />
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" loading={busy} disabled={draft.trim().length > NOTE_MAX_LENGTH} onClick={onSave}>
          Save
        </Button>
      </div>
    </div>
  );
}

/**
 * How long a note is against the server's limit. Past it the text stays as written (nothing is cut
 * silently) and saving waits until it is short enough.
 */
function NoteLength({ id, text }: { id: string; text: string }) {
  const length = text.trim().length;
  const over = length > NOTE_MAX_LENGTH;
  return (
    <p
      id={id}
      data-testid="note-counter"
      aria-live="polite"
      className={cn("text-right text-xs tabular-nums", over ? "text-destructive" : "text-muted-foreground")}
    >
      {over ? `Too long to save: a note holds at most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters. ` : null}
      {length.toLocaleString("en")} / {NOTE_MAX_LENGTH.toLocaleString("en")}
    </p>
  );
}
