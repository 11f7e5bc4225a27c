"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeftRight, Ban, CircleCheck, Users } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { halfTimeLeftMs, practiceBarState, swapNote, type ActivePractice, type PracticeBarState } from "@/components/practice/practice-bar-state";
import { useTRPC } from "@/components/providers/trpc";
import { errorMessage } from "@/components/providers/trpc-errors";
import { formatDuration } from "@/components/room/format-time";
import { useTickingNow } from "@/components/room/use-ticking-now";
import { useToast } from "@/components/room/toaster";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { RoomStatus } from "@/server/domain/room";
import { LocalTime } from "@/components/schedule/local-time";
import { ROOM_OPENS_BEFORE_MS } from "@/server/domain/practice/slots";

/** How often the bar asks where the practice stands: the swap and the end are seen within this. */
const POLL_MS = 3_000;

interface PracticeBarProps {
  /** This room's half: its interview, its peer session, and the booked start of that session (null when matched on the spot). */
  half: { sessionId: string; peerSessionId: string; startsAt: Date | null };
  /** The room's own status: when it changes (started, ended), the practice is asked at once, not at the next poll. */
  roomStatus: RoomStatus | null;
  /** The other member's name from the room, for when the practice no longer names them. */
  partnerName: string | null;
  serverNow: () => number;
}

/** The strip above a peer half's room: which half, who asks, the half's clock, the swap, and the end. */
export function PracticeBar({ half: room, roomStatus, partnerName, serverNow }: PracticeBarProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const { peerSessionId } = room;
  const status = useQuery(
    trpc.practice.status.queryOptions(undefined, {
      refetchInterval: (query) => (practiceBarState(query.state.data, room, serverNow()).kind === "finished" ? false : POLL_MS),
    }),
  );
  const now = useTickingNow(serverNow, 5_000);
  const state: PracticeBarState = now === null ? { kind: "loading" } : practiceBarState(status.data, room, now);
  const { refetch } = status;
  useEffect(() => void (roomStatus && refetch()), [roomStatus, refetch]);
  const movedTo = state.kind === "moved" ? state.roomId : null;
  useEffect(() => {
    if (movedTo) router.push(`/room/${movedTo}`);
  }, [movedTo, router]);

  if (state.kind === "running") return <RunningBar practice={state.practice} serverNow={serverNow} onSwapAsked={() => void refetch()} />;
  if (state.kind === "finished") return <FinishedBar peerSessionId={peerSessionId} partnerName={partnerName} />;
  if (state.kind === "upcoming")
    return (
      <Strip state="upcoming">
        <span className="inline-flex items-center gap-2 font-medium">
          <Users aria-hidden className="size-4 text-primary-soft-foreground" />
          Practice booked for <LocalTime instant={state.startsAt} />
        </span>
        <span className="text-muted-foreground">
          The room opens {ROOM_OPENS_BEFORE_MS / 60_000} minutes before the start; {partnerName ?? "your partner"} has it by email too.
        </span>
      </Strip>
    );
  return (
    <Strip>
      <span className="text-muted-foreground">{state.kind === "moved" ? "Swapping roles: opening the next half…" : "Practice"}</span>
    </Strip>
  );
}

function Strip({ children, testId, state }: { children: ReactNode; testId?: string; state?: string }) {
  return (
    <div className="border-b bg-primary-soft/60 print:hidden" data-testid={testId ?? "practice-bar"} data-state={state}>
      <div className="mx-auto flex min-h-12 max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm sm:px-6">{children}</div>
    </div>
  );
}

function RunningBar({ practice, serverNow, onSwapAsked }: { practice: ActivePractice; serverNow: () => number; onSwapAsked: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const swap = useMutation(trpc.practice.swap.mutationOptions({ onSettled: onSwapAsked, onError: (error) => toast(errorMessage(error)) }));
  const now = useTickingNow(serverNow, 1_000);
  const note = swapNote(practice);
  const partnerLate = !practice.partnerCame && now !== null && now >= practice.noShowAfter.getTime();
  return (
    <Strip testId="practice-bar" state={`half-${practice.half}`}>
      <span className="inline-flex items-center gap-2 font-medium">
        <Users aria-hidden className="size-4 text-primary-soft-foreground" />
        Practice · Half {practice.half} of 2
      </span>
      <Badge variant={practice.asking ? "accent" : "outline"} data-testid="practice-role">
        {practice.asking ? "You ask" : "You answer"}
      </Badge>
      <span className="text-muted-foreground tabular-nums" role="timer" aria-live="off" data-testid="practice-time-left">
        {now === null
          ? ""
          : now < practice.halfStartedAt.getTime()
            ? `Starts in ${formatDuration(practice.halfStartedAt.getTime() - now)}`
            : practice.halfTimeUp || halfTimeLeftMs(practice, now) === 0
              ? "Time is up"
              : `${formatDuration(halfTimeLeftMs(practice, now))} left`}
      </span>
      <span className="ml-auto flex flex-wrap items-center gap-3">
        {note ? (
          <span className="text-[13px] font-medium" role="status" data-testid="practice-swap-note">
            {note}
          </span>
        ) : null}
        {partnerLate ? <LeaveNoShow practice={practice} /> : null}
        {practice.half === 1 ? (
          <Button
            size="sm"
            variant={practice.partnerAskedSwap || practice.halfTimeUp ? "primary" : "outline"}
            loading={swap.isPending}
            disabled={practice.swapAsked}
            onClick={() => swap.mutate({ peerSessionId: practice.peerSessionId })}
          >
            <ArrowLeftRight aria-hidden />
            Swap roles
          </Button>
        ) : (
          <span className="text-[13px] text-muted-foreground">
            {practice.asking ? "End the interview to finish the practice." : `${practice.partnerName} ends the practice.`}
          </span>
        )}
      </span>
    </Strip>
  );
}

/** Offered once the partner has kept the user waiting five minutes without coming into the room. */
function LeaveNoShow({ practice }: { practice: ActivePractice }) {
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const leave = useMutation(
    trpc.practice.leaveNoShow.mutationOptions({ onSuccess: () => router.push("/practice"), onError: (error) => toast(errorMessage(error)) }),
  );
  return (
    <span className="flex items-center gap-2" data-testid="practice-no-show">
      <span className="text-[13px] font-medium">{practice.partnerName} has not come in.</span>
      <Button size="sm" variant="outline" loading={leave.isPending} onClick={() => leave.mutate({ peerSessionId: practice.peerSessionId })}>
        Find someone else
      </Button>
    </span>
  );
}

function FinishedBar({ peerSessionId, partnerName }: { peerSessionId: string; partnerName: string | null }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const block = useMutation(trpc.practice.block.mutationOptions({ onError: (error) => toast(errorMessage(error)), onSettled: () => setConfirming(false) }));
  const partner = partnerName ?? "your partner";
  return (
    <Strip testId="practice-bar" state="finished">
      <span className="inline-flex items-center gap-2 font-medium" role="status">
        <CircleCheck aria-hidden className="size-4 text-success" />
        Practice finished
      </span>
      <span className="ml-auto flex flex-wrap items-center gap-2">
        {block.isSuccess ? (
          <span className="text-[13px] text-muted-foreground">You will not be matched with {partner} again.</span>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
            <Ban aria-hidden />
            Block {partner}
          </Button>
        )}
        <Button size="sm" variant="outline" asChild>
          <Link href="/practice">Back to practice</Link>
        </Button>
        <Button size="sm" asChild>
          <Link href={`/practice/sessions/${peerSessionId}`}>Give feedback</Link>
        </Button>
      </span>
      <ConfirmDialog
        open={confirming}
        title={`Block ${partner}?`}
        description={`You will never be matched with ${partner} again. They are not told.`}
        confirmLabel="Block"
        pending={block.isPending}
        onConfirm={() => block.mutate({ peerSessionId })}
        onCancel={() => setConfirming(false)}
      />
    </Strip>
  );
}
