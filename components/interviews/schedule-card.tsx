"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClock } from "lucide-react";
import { useContext, useState } from "react";
import { ReaderZone } from "@/components/schedule/reader-zone";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorMessage, fieldErrorsOf } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import { LocalTime } from "@/components/schedule/local-time";
import { browserTimeZone, selectClass, TimeZoneSelect } from "@/components/schedule/time-zone-select";
import { DURATIONS_MIN, REMINDER_KEYS, type Reminder } from "@/server/domain/schedule/schedule";
import { formatInZone, wallTimeOf } from "@/server/domain/schedule/time-zone";

export interface CurrentSchedule {
  startsAt: Date;
  durationMin: number;
  timeZone: string;
  reminders: Reminder[];
}

const DURATION_CHOICES = [15, 30, 45, 60, 75, 90, 120, 180, 240];
const REMINDER_LABELS: Record<Reminder, string> = { "24h": "24 hours before", "15m": "15 minutes before" };

interface Draft {
  startsAtLocal: string;
  timeZone: string;
  durationMin: number;
  reminders: Reminder[];
}

/** The form's values: the schedule's, or for a first one the organiser's own zone (their setting, else the browser's). */
function draftOf(schedule: CurrentSchedule | null, ownZone: string | null): Draft {
  if (schedule)
    return {
      startsAtLocal: wallTimeOf(schedule.startsAt, schedule.timeZone),
      timeZone: schedule.timeZone,
      durationMin: schedule.durationMin,
      reminders: schedule.reminders,
    };
  return { startsAtLocal: "", timeZone: ownZone ?? browserTimeZone(), durationMin: DURATIONS_MIN.default, reminders: [...REMINDER_KEYS] };
}

/** When the interview happens: set, moved or cancelled here; everyone invited by email is told. */
export function ScheduleCard({
  sessionId,
  schedule,
  planned,
  invitedCount,
}: {
  sessionId: string;
  schedule: CurrentSchedule | null;
  planned: boolean;
  invitedCount: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ownZone = useContext(ReaderZone);
  const [draft, setDraft] = useState<Draft>(() => draftOf(schedule, ownZone));
  const [editing, setEditing] = useState(schedule === null);
  const save = useMutation(trpc.interview.schedule.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.interview.plan.queryKey({ sessionId }) });
  const fieldErrors = save.error ? fieldErrorsOf(save.error) : {};

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    await save.mutateAsync({ sessionId, ...draft }).then(
      async () => {
        setEditing(false);
        await refresh();
      },
      () => undefined,
    );
  }

  return (
    <section aria-labelledby="schedule-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-4 sm:px-6">
        <div>
          <h2 id="schedule-heading" className="flex items-center gap-1.5 text-sm font-semibold">
            <CalendarClock aria-hidden className="size-4 text-muted-foreground" />
            When
          </h2>
          <p className="text-xs text-muted-foreground">
            Everyone invited by email gets the time in their own zone and a calendar entry, and is told when it moves.
          </p>
        </div>
        {schedule && !editing && planned ? (
          <div className="flex gap-2">
            <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
              Reschedule
            </Button>
            <CancelInterview sessionId={sessionId} invitedCount={invitedCount} onCancelled={refresh} />
          </div>
        ) : null}
      </header>
      {schedule && !editing ? (
        <ScheduleSummary schedule={schedule} />
      ) : planned ? (
        <ScheduleForm
          draft={draft}
          onChange={setDraft}
          onSubmit={submit}
          pending={save.isPending}
          fieldErrors={fieldErrors}
          error={save.error && !fieldErrors.startsAtLocal ? errorMessage(save.error) : null}
          onCancelEdit={schedule ? () => setEditing(false) : undefined}
          moving={schedule !== null && invitedCount > 0}
        />
      ) : (
        <p className="px-5 py-4 text-sm text-muted-foreground sm:px-6">Not scheduled.</p>
      )}
    </section>
  );
}

function CancelInterview({ sessionId, invitedCount, onCancelled }: { sessionId: string; invitedCount: number; onCancelled: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(trpc.interview.cancel.mutationOptions());
  return (
    <>
      <Button size="sm" variant="ghost" className="hover:text-destructive" onClick={() => setConfirming(true)}>
        Cancel interview
      </Button>
      <FormError message={cancel.error ? errorMessage(cancel.error) : null} />
      <ConfirmDialog
        open={confirming}
        title="Cancel this interview?"
        description={
          invitedCount > 0
            ? `The ${invitedCount} people invited by email get a cancellation their calendar applies, and every invite link stops working.`
            : "Every invite link stops working."
        }
        confirmLabel="Cancel interview"
        pending={cancel.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          void cancel
            .mutateAsync({ sessionId })
            .then(onCancelled, () => undefined)
            .finally(() => setConfirming(false))
        }
      />
    </>
  );
}

function ScheduleSummary({ schedule }: { schedule: CurrentSchedule }) {
  return (
    <dl className="grid gap-1 px-5 py-4 text-sm sm:px-6" data-testid="schedule-summary">
      <div className="flex flex-wrap gap-x-2">
        <dt className="sr-only">Starts</dt>
        <dd className="font-medium">{formatInZone(schedule.startsAt, schedule.timeZone)}</dd>
        <dd className="text-muted-foreground">· {schedule.durationMin} minutes</dd>
      </div>
      <div className="flex flex-wrap gap-x-2 text-muted-foreground">
        <dt>Your time:</dt>
        <dd>
          <LocalTime instant={schedule.startsAt} />
        </dd>
      </div>
      <div className="flex flex-wrap gap-x-2 text-muted-foreground">
        <dt>Reminders:</dt>
        <dd>{schedule.reminders.length > 0 ? schedule.reminders.map((reminder) => REMINDER_LABELS[reminder]).join(", ") : "none"}</dd>
      </div>
    </dl>
  );
}

function ScheduleForm(props: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onSubmit: (event: React.FormEvent) => void;
  pending: boolean;
  fieldErrors: Record<string, string | undefined>;
  error: string | null;
  onCancelEdit: (() => void) | undefined;
  moving: boolean;
}) {
  const { draft, onChange } = props;
  return (
    <form onSubmit={props.onSubmit} className="grid gap-4 px-5 py-4 sm:grid-cols-2 sm:px-6" aria-label="Schedule">
      <StartField value={draft.startsAtLocal} error={props.fieldErrors.startsAtLocal} onChange={(startsAtLocal) => onChange({ ...draft, startsAtLocal })} />
      <div className="grid gap-2">
        <Label htmlFor="schedule-zone">Time zone</Label>
        <TimeZoneSelect id="schedule-zone" value={draft.timeZone} onChange={(timeZone) => onChange({ ...draft, timeZone })} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="schedule-duration">Duration</Label>
        <select
          id="schedule-duration"
          className={selectClass}
          value={draft.durationMin}
          onChange={(event) => onChange({ ...draft, durationMin: Number(event.target.value) })}
        >
          {[...new Set([...DURATION_CHOICES, draft.durationMin])]
            .sort((a, b) => a - b)
            .map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes < 60 || minutes % 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? "" : "s"}`}
              </option>
            ))}
        </select>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Email reminders</legend>
        {REMINDER_KEYS.map((reminder) => (
          <label key={reminder} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.reminders.includes(reminder)}
              onChange={(event) =>
                onChange({ ...draft, reminders: event.target.checked ? [...draft.reminders, reminder] : draft.reminders.filter((other) => other !== reminder) })
              }
            />
            {REMINDER_LABELS[reminder]}
          </label>
        ))}
      </fieldset>
      <FormError message={props.error} className="sm:col-span-2" />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <Button type="submit" size="sm" loading={props.pending}>
          {props.moving ? "Reschedule and tell everyone" : "Save time"}
        </Button>
        {props.onCancelEdit ? (
          <Button type="button" size="sm" variant="ghost" onClick={props.onCancelEdit}>
            Keep the current time
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function StartField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (value: string) => void }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor="schedule-start">Date and time</Label>
      <Input
        id="schedule-start"
        type="datetime-local"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "schedule-start-error" : undefined}
      />
      {error ? (
        <p id="schedule-start-error" className="text-[13px] leading-snug text-destructive" data-field-error>
          {error}
        </p>
      ) : null}
    </div>
  );
}
