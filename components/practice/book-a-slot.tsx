"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarPlus, DoorOpen, UsersRound, X } from "lucide-react";
import Link from "next/link";
import { useContext, useMemo, useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { errorMessage } from "@/components/providers/trpc-errors";
import { LocalTime } from "@/components/schedule/local-time";
import { ReaderZone } from "@/components/schedule/reader-zone";
import { browserTimeZone } from "@/components/schedule/time-zone-select";
import { useTopicSelect } from "@/components/practice/topic-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/components/ui/cn";
import type { PracticeSlotsOutput } from "@/server/api/routers/practice/slots.schema";
import { LATE_CANCEL_MS, ROOM_OPENS_BEFORE_MS, upcomingSlots } from "@/server/domain/practice/slots";
import { wallTimeOf } from "@/server/domain/schedule/time-zone";

/** Bookings change when someone else books the same slot: looked at again this often while the page is open. */
const REFRESH_MS = 15_000;
const subscribeNever = () => () => undefined;

type Booking = PracticeSlotsOutput["bookings"][number];

/** The reader's zone; null while rendering on the server (which does not know the browser's zone). */
function useReaderZone(): string | null {
  const chosen = useContext(ReaderZone);
  return useSyncExternalStore(
    subscribeNever,
    () => chosen ?? browserTimeZone(),
    () => null,
  );
}

/** The upcoming slots, grouped by the reader's day: [day key, label, slots]. */
function slotsByDay(now: number, zone: string): Array<{ day: string; label: string; slots: Date[] }> {
  const dayLabel = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short" });
  const days = new Map<string, { day: string; label: string; slots: Date[] }>();
  for (const slot of upcomingSlots(new Date(now))) {
    const day = wallTimeOf(slot, zone).slice(0, 10);
    const entry = days.get(day) ?? { day, label: dayLabel.format(slot), slots: [] };
    entry.slots.push(slot);
    days.set(day, entry);
  }
  return [...days.values()];
}

/** "Book a slot": pick a topic, a day and an hour; matched when someone books the same slot and topic. */
export function BookASlot({ topics }: { topics: string[] }) {
  const zone = useReaderZone();
  const { topic, select } = useTopicSelect(topics, "slot-topic", "Topic for the slot");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const slots = useQuery({ ...trpc.practice.slots.queryOptions({ topic }), enabled: topic !== "", refetchInterval: REFRESH_MS });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.practice.slots.pathKey() });
  if (zone === null) return <p className="text-sm text-muted-foreground">Loading the slots…</p>;
  return (
    <div className="grid gap-5" data-testid="book-a-slot">
      <div className="grid gap-2 sm:max-w-sm">{select}</div>
      {slots.error ? <Alert variant="error">{errorMessage(slots.error)}</Alert> : null}
      <SlotPicker key={topic} topic={topic} zone={zone} open={slots.data?.open ?? []} booked={slots.data?.bookings ?? []} onBooked={refresh} />
      <YourBookings bookings={slots.data?.bookings ?? []} onChanged={refresh} />
    </div>
  );
}

interface SlotPickerProps {
  topic: string;
  zone: string;
  open: PracticeSlotsOutput["open"];
  booked: Booking[];
  onBooked: () => Promise<void>;
}

function SlotPicker({ topic, zone, open, booked, onBooked }: SlotPickerProps) {
  const trpc = useTRPC();
  const book = useMutation(trpc.practice.book.mutationOptions());
  const [now] = useState(() => Date.now());
  const days = useMemo(() => slotsByDay(now, zone), [now, zone]);
  const [dayKey, setDayKey] = useState(days[0]?.day ?? "");
  const [chosen, setChosen] = useState<Date | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const waitingAt = new Map(open.map((slot) => [slot.startsAt.getTime(), slot.waiting]));
  const bookedAt = new Set(booked.map((booking) => booking.startsAt.getTime()));
  const day = days.find((entry) => entry.day === dayKey) ?? days[0];
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

  async function bookChosen() {
    if (!chosen) return;
    setOutcome(null);
    try {
      const result = await book.mutateAsync({ startsAt: chosen, topic });
      setOutcome({
        ok: true,
        text: result.matched
          ? "Booked, and matched: your partner is below. You both have it by email too."
          : "Booked. We will match you when someone books the same slot and topic, and tell you by email.",
      });
      setChosen(null);
      await onBooked();
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(error) });
    }
  }

  return (
    <div className="grid gap-3">
      <div role="tablist" aria-label="Day" className="flex gap-1 overflow-x-auto pb-1">
        {days.map((entry) => (
          <button
            key={entry.day}
            type="button"
            role="tab"
            aria-selected={entry.day === day?.day}
            onClick={() => {
              setDayKey(entry.day);
              setChosen(null);
            }}
            className={cn(
              "shrink-0 rounded-md border px-3 py-1.5 text-sm whitespace-nowrap",
              entry.day === day?.day ? "border-primary bg-primary text-primary-foreground" : "hover:bg-muted",
            )}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">Times in {zone}. Each slot is an hour: half an hour each way.</p>
      <SlotTimes slots={day?.slots ?? []} hour={hour} waitingAt={waitingAt} bookedAt={bookedAt} chosen={chosen} onChoose={setChosen} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" disabled={chosen === null} loading={book.isPending} onClick={() => void bookChosen()}>
          <CalendarPlus aria-hidden />
          {chosen ? `Book ${hour.format(chosen)}` : "Choose a time"}
        </Button>
        <span className="text-xs text-muted-foreground">“waiting” is how many people booked that hour for this topic and have no partner yet.</span>
      </div>
      {outcome ? (
        <Alert variant={outcome.ok ? undefined : "error"} data-testid="slot-outcome">
          {outcome.text}
        </Alert>
      ) : null}
    </div>
  );
}

interface SlotTimesProps {
  slots: Date[];
  hour: Intl.DateTimeFormat;
  waitingAt: ReadonlyMap<number, number>;
  bookedAt: ReadonlySet<number>;
  chosen: Date | null;
  onChoose: (slot: Date) => void;
}

/** One day's hours: each with how many wait for a partner there, one's own bookings shown as booked. */
function SlotTimes({ slots, hour, waitingAt, bookedAt, chosen, onChoose }: SlotTimesProps) {
  return (
    <div className="grid grid-cols-3 gap-2 sm:grid-cols-6" data-testid="slot-times">
      {slots.map((slot) => {
        const waiting = waitingAt.get(slot.getTime()) ?? 0;
        const mine = bookedAt.has(slot.getTime());
        const selected = chosen?.getTime() === slot.getTime();
        return (
          <button
            key={slot.getTime()}
            type="button"
            disabled={mine}
            aria-pressed={selected}
            data-slot={slot.toISOString()}
            onClick={() => onChoose(slot)}
            className={cn(
              "grid rounded-md border px-2 py-1.5 text-sm tabular-nums",
              selected ? "border-primary ring-2 ring-primary/40" : "hover:bg-muted",
              mine && "cursor-default bg-muted text-muted-foreground",
              waiting > 0 && !mine && "border-emerald-500/60",
            )}
          >
            <span className="font-medium">{hour.format(slot)}</span>
            <span className="text-[11px] text-muted-foreground">{mine ? "booked" : waiting > 0 ? `${waiting} waiting` : " "}</span>
          </button>
        );
      })}
    </div>
  );
}

function YourBookings({ bookings, onChanged }: { bookings: Booking[]; onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.practice.cancelBooking.mutationOptions());
  // Whether it starts within the hour is decided when Cancel is pressed.
  const [cancelling, setCancelling] = useState<(Booking & { late: boolean }) | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  if (bookings.length === 0) return null;
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium">Your bookings</h3>
      {failure ? <Alert variant="error">{failure}</Alert> : null}
      <ul className="divide-y rounded-md border" data-testid="slot-bookings">
        {bookings.map((booking) => (
          <li key={booking.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 text-sm" data-testid="slot-booking">
            <div className="grid min-w-0 flex-1 gap-0.5">
              <LocalTime instant={booking.startsAt} className="font-medium" />
              <span className="text-muted-foreground">
                {booking.topic} ·{" "}
                {booking.match ? (
                  <span className="inline-flex items-center gap-1 text-foreground">
                    <UsersRound className="size-3.5" aria-hidden />
                    with {booking.match.partnerName}
                  </span>
                ) : (
                  "looking for a partner"
                )}
              </span>
            </div>
            {booking.match?.roomId ? (
              <Button asChild size="sm" variant={booking.startsAt.getTime() - now <= ROOM_OPENS_BEFORE_MS ? "primary" : "outline"}>
                <Link href={`/room/${booking.match.roomId}`}>
                  <DoorOpen aria-hidden />
                  Open the room
                </Link>
              </Button>
            ) : null}
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => setCancelling({ ...booking, late: booking.startsAt.getTime() - Date.now() < LATE_CANCEL_MS })}
            >
              <X aria-hidden />
              Cancel
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={cancelling !== null}
        title="Cancel this booking?"
        description={
          cancelling?.match
            ? `${cancelling.match.partnerName} will be told, and matched with someone else if they can.${cancelling.late ? " It starts within the hour, so it counts as a missed session." : ""}`
            : "Nobody has been matched with you for it yet."
        }
        confirmLabel="Cancel the booking"
        pending={cancel.isPending}
        onCancel={() => setCancelling(null)}
        onConfirm={() => {
          if (!cancelling) return;
          setFailure(null);
          cancel
            .mutateAsync({ bookingId: cancelling.id })
            .then(onChanged)
            .catch((error: unknown) => setFailure(errorMessage(error)))
            .finally(() => setCancelling(null));
        }}
      />
    </div>
  );
}
