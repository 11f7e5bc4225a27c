"use client";

import { StartsIn } from "@/components/schedule/starts-in";
import { ArrowLeft, ArrowRight, CircleStop, Play, Users } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDuration, wallClock } from "@/components/room/format-time";
import { KeyPoints } from "@/components/room/key-points";
import { Kbd } from "@/components/room/kbd";
import { Markdown } from "@/components/ui/markdown";
import { PresenceList } from "@/components/room/presence";
import { RoomConnectionStatus } from "@/components/room/connection-status";
import { RoomHeader } from "@/components/room/room-header";
import { sectionLabel } from "@/components/room/section-label";
import { StaffFollowUps } from "@/components/room/staff-follow-ups";
import { StaffSidebar } from "@/components/room/staff-sidebar";
import { QuestionTimer, SessionClock } from "@/components/room/timers";
import { useRoomShortcuts } from "@/components/room/use-room-shortcuts";
import { useTickingNow } from "@/components/room/use-ticking-now";
import type { ConnectionState } from "@/components/realtime/room-connection";
import {
  canCheckKeyPoint,
  canEnd,
  canNavigate,
  canRevealFollowUp,
  canStart,
  sessionElapsedMs,
  type ClientCommand,
  type StaffView,
  type StaffQuestionView,
} from "@/server/domain/room";
import { InlineTitle } from "@/components/ui/inline-title";
import type { PadQuestion } from "@/components/pad/pad-question";
import { useWorkspaceLayout } from "@/components/room/workspace-layout";

interface StaffRoomProps {
  title: string;
  startsAt: Date | null;
  /** A half of a peer practice session: the candidate is the matched partner, who needs no invitation. */
  peer: boolean;
  view: StaffView;
  connection: ConnectionState;
  serverNow: () => number;
  /** Sends a command; false (after telling the user why) when it was refused or failed. */
  run: (command: ClientCommand) => Promise<boolean>;
  /** The room's call, at the top of the main column so the private panel beside it stays in reach. */
  call: ReactNode;
  /** The pad and the whiteboard of a question, typed and drawn on by everyone in the room (observers read and watch). */
  pad: (question: PadQuestion) => ReactNode;
}

/** The interviewer's room, and the observer's (the same, minus every control the policy withholds). */
export function StaffRoom({ title, startsAt, peer, view, connection, serverNow, run, call, pad }: StaffRoomProps) {
  const role = view.role;
  const live = view.status === "live";
  const now = useTickingNow(serverNow, 250, view.status !== "ended");
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { both } = useWorkspaceLayout();

  const current = view.questions.find((question) => question.id === view.currentQuestionId) ?? null;
  const total = view.questions.length;
  const mayReveal = canRevealFollowUp(role) && live;
  const mayNavigate = canNavigate(role) && live;

  const names = new Map(view.participants.map((participant) => [participant.userId, participant.name]));
  const nameOf = (userId: string) => names.get(userId) ?? "Someone who left";
  const actions = useStaffActions(run, current);

  const index = current ? view.questions.indexOf(current) : -1;
  useStaffShortcuts(current, index, total, actions, mayNavigate || mayReveal);

  return (
    <div className="pb-16" data-testid="staff-room" data-role={role}>
      <StaffRoomHeader title={title} view={view} current={current} index={index} now={now} connection={connection} onEnd={() => setConfirmEnd(true)} />

      <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
        {view.status === "lobby" ? (
          <div className="grid gap-6">
            <div className="mx-auto w-full max-w-4xl">{call}</div>
            <StaffLobby view={view} startsAt={startsAt} peer={peer} serverNow={serverNow} onStart={canStart(role) ? () => run({ type: "start" }) : null} />
          </div>
        ) : null}

        {view.status === "ended" ? <EndedBanner view={view} /> : null}

        {view.status !== "lobby" ? (
          <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_340px] xl:grid-cols-[minmax(0,1fr)_360px]">
            <div className="grid min-w-0 grid-cols-1 gap-5">
              {call}
              <QuestionStepper questions={view.questions} currentId={current?.id ?? null} onSelect={mayNavigate ? (id) => void actions.goTo(id) : null} />
              {current ? (
                <CurrentQuestionPanels
                  view={view}
                  current={current}
                  index={index}
                  now={now}
                  actions={actions}
                  mayReveal={mayReveal}
                  mayNavigate={mayNavigate}
                  run={run}
                />
              ) : null}
              {current && !both ? pad(current) : null}
            </div>

            <StaffSidebar view={view} current={current} nameOf={nameOf} run={run} />
          </div>
        ) : null}
        {/* Side by side (a wide screen), the pad and the whiteboard take the page's width, under the question and the notes. */}
        {view.status !== "lobby" && current && both ? <div className="mt-6">{pad(current)}</div> : null}
      </div>

      {view.status !== "lobby" ? <NotesJumpLink /> : null}

      <EndInterviewDialog open={confirmEnd} onClose={() => setConfirmEnd(false)} run={run} />
    </div>
  );
}

/** The interviewer's keys: reveal the next (or the n-th) follow-up, previous and next question. */
function useStaffShortcuts(
  current: StaffQuestionView | null,
  index: number,
  total: number,
  { pendingReveals, reveal, move }: ReturnType<typeof useStaffActions>,
  enabled: boolean,
) {
  const hasPrevious = index > 0;
  const hasNext = index >= 0 && index < total - 1;
  useRoomShortcuts(
    {
      reveal: (n) => {
        if (!current) return;
        const target = n === null ? current.followUps.find((followUp) => !followUp.revealedAt && !pendingReveals.has(followUp.id)) : current.followUps[n];
        if (target && !target.revealedAt) void reveal(current, target.id);
      },
      previous: () => hasPrevious && void move("previousQuestion"),
      next: () => hasNext && void move("nextQuestion"),
    },
    enabled,
  );
}

function QuestionStepper({
  questions,
  currentId,
  onSelect,
}: {
  questions: StaffQuestionView[];
  currentId: string | null;
  onSelect: ((questionId: string) => void) | null;
}) {
  return (
    <nav aria-label="Questions" className="-mx-1 overflow-x-auto px-1">
      <ol className="flex items-center gap-1.5">
        {questions.map((question, i) => {
          const isCurrent = question.id === currentId;
          const label = `Question ${i + 1}${isCurrent ? " (current)" : question.asked ? " (asked)" : ""}`;
          const className = cn(
            "flex h-7 min-w-7 items-center justify-center rounded-full border px-2 text-xs font-medium tabular-nums transition-colors",
            isCurrent
              ? "border-primary bg-primary text-primary-foreground"
              : question.asked
                ? "border-transparent bg-primary-soft text-primary-soft-foreground"
                : "bg-card text-muted-foreground",
          );
          return (
            <li key={question.id} className="flex items-center gap-1.5">
              {i > 0 ? <span aria-hidden className={cn("h-px w-4", question.asked || isCurrent ? "bg-primary/40" : "bg-border")} /> : null}
              {onSelect && !isCurrent ? (
                <button
                  type="button"
                  aria-label={`Go to question ${i + 1}`}
                  title={label}
                  onClick={() => onSelect(question.id)}
                  className={cn(className, "hover:border-primary/50")}
                >
                  {i + 1}
                </button>
              ) : (
                <span aria-label={label} aria-current={isCurrent ? "step" : undefined} className={className}>
                  {i + 1}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function StaffLobbyIntro({
  candidateName,
  startsAt,
  peer,
  serverNow,
}: {
  candidateName: string | null;
  startsAt: Date | null;
  peer: boolean;
  serverNow: () => number;
}) {
  return (
    <>
      <p className="text-xs font-medium tracking-wide text-primary-soft-foreground uppercase">Waiting room</p>
      <h2 id="lobby-heading" className="mt-2 text-xl font-semibold tracking-tight">
        {candidateName !== null ? `${candidateName} has joined` : peer ? "Waiting for your partner" : "Waiting for the candidate"}
      </h2>
      {startsAt ? (
        <div className="mt-2">
          <StartsIn startsAt={startsAt} serverNow={serverNow} />
        </div>
      ) : null}
      <p className="mt-1.5 text-sm text-muted-foreground">
        {candidateName !== null
          ? "Start when you are both ready. The first question and its timer appear for both of you at once."
          : peer
            ? "Your partner has this room in their practice page and joins here. You can start before they arrive, too."
            : "Send the candidate their invite link from the plan page. You can start before they arrive, too."}
      </p>
    </>
  );
}

function StaffLobby({
  view,
  startsAt,
  peer,
  serverNow,
  onStart,
}: {
  view: StaffView;
  startsAt: Date | null;
  peer: boolean;
  serverNow: () => number;
  onStart: (() => Promise<unknown>) | null;
}) {
  const [starting, setStarting] = useState(false);
  const candidate = view.participants.find((participant) => participant.role === "CANDIDATE");
  const timeBoxed = view.questions.reduce((sum, question) => sum + (question.timer.timeBoxSec ?? 0), 0);
  return (
    <div className="mx-auto grid max-w-4xl gap-6 lg:grid-cols-[minmax(0,1fr)_300px]" data-testid="lobby">
      <section aria-labelledby="lobby-heading" className="rounded-xl border bg-card shadow-xs">
        <div className="p-6 sm:p-8">
          <StaffLobbyIntro candidateName={candidate?.name ?? null} startsAt={startsAt} peer={peer} serverNow={serverNow} />
          <PresenceList participants={view.participants} viewerId={view.viewer.userId} layout="stack" className="mt-6" />
          {onStart ? (
            <div className="mt-8 flex flex-wrap items-center gap-3">
              <Button
                size="lg"
                onClick={async () => {
                  setStarting(true);
                  await onStart();
                  setStarting(false);
                }}
                loading={starting}
                disabled={view.questions.length === 0}
              >
                <Play aria-hidden />
                Start interview
              </Button>
              <Button asChild variant="ghost">
                <Link href={`/interviews/${view.sessionId}`}>{peer ? "The plan" : "Invite links and plan"}</Link>
              </Button>
            </div>
          ) : (
            <p className="mt-8 text-sm text-muted-foreground">The interviewer starts the interview; you will follow along here.</p>
          )}
        </div>
      </section>
      <section aria-labelledby="plan-heading" className="rounded-xl border bg-card shadow-xs">
        <header className="border-b px-5 py-3">
          <h2 id="plan-heading" className="text-sm font-semibold">
            The plan
          </h2>
          <p className="text-xs text-muted-foreground">
            {view.questions.length} question{view.questions.length === 1 ? "" : "s"}
            {timeBoxed > 0 ? ` · about ${Math.round(timeBoxed / 60)} min` : ""}
          </p>
        </header>
        <ol className="divide-y">
          {view.questions.map((question, i) => (
            <li key={question.id} className="flex gap-3 px-5 py-3 text-[13px]">
              <span className="font-mono text-muted-foreground tabular-nums">{i + 1}</span>
              <span className="min-w-0 flex-1">
                <span className="line-clamp-2 leading-5">
                  <InlineTitle text={question.prompt} />
                </span>
                <span className="text-xs text-muted-foreground">
                  {question.followUps.length} follow-up{question.followUps.length === 1 ? "" : "s"}
                  {question.timer.timeBoxSec ? ` · ${formatDuration(question.timer.timeBoxSec * 1000)}` : ""}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function EndedBanner({ view }: { view: StaffView }) {
  const total = view.clock.endedAt ? sessionElapsedMs(view.clock, new Date(view.clock.endedAt)) : null;
  const revealed = view.questions.reduce((sum, question) => sum + question.followUps.filter((followUp) => followUp.revealedAt).length, 0);
  const asked = view.questions.filter((question) => question.asked).length;
  return (
    <div role="status" data-testid="ended-banner" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-muted/50 px-5 py-4">
      <div>
        <p className="text-sm font-semibold">The interview has ended</p>
        <p className="text-[13px] text-muted-foreground">
          {total !== null ? `${formatDuration(total)} in total · ` : ""}
          {asked} of {view.questions.length} questions asked · {revealed} follow-up{revealed === 1 ? "" : "s"} revealed
        </p>
      </div>
      <Button asChild variant="outline" size="sm">
        <Link href="/interviews">Back to interviews</Link>
      </Button>
    </div>
  );
}

/** The header's second line: who is watching, or where the interview is. */
function StaffSubtitle({ view, number, total }: { view: StaffView; number: number | null; total: number }) {
  const role = view.role;
  return role !== "INTERVIEWER" ? (
    <span className="inline-flex items-center gap-1">
      <Users aria-hidden className="size-3.5" /> {role === "OBSERVER" ? "Observing" : "Co-interviewing"}
    </span>
  ) : view.status === "ended" && view.clock.endedAt ? (
    `Ended at ${wallClock(view.clock.endedAt)}`
  ) : view.status === "lobby" ? (
    "Waiting room"
  ) : number !== null ? (
    `Question ${number} of ${total}`
  ) : null;
}

interface QuestionNavigation {
  hasPrevious: boolean;
  hasNext: boolean;
  disabled: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** The question being asked: its prompt, its clock, and (for interviewers) the way to the next one. */
function CurrentQuestionCard({
  question,
  number,
  total,
  now,
  ended,
  navigation,
}: {
  question: StaffQuestionView;
  number: number;
  total: number;
  now: number | null;
  ended: boolean;
  navigation: QuestionNavigation | null;
}) {
  return (
    <section aria-labelledby="question-heading" className="rounded-xl border bg-card shadow-xs" data-testid="current-question">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-4 p-5 sm:p-6">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium text-muted-foreground">
            <span id="question-heading" className="text-primary-soft-foreground">
              Question {number} of {total}
            </span>
            {sectionLabel(question.section).short ? <span title={sectionLabel(question.section).full}> · {sectionLabel(question.section).short}</span> : null}
          </p>
          <Markdown className="mt-2 text-[17px] leading-relaxed font-medium text-foreground [&_p]:leading-[1.55]">{question.prompt}</Markdown>
        </div>
        <QuestionTimer timer={question.timer} now={now} ended={ended} className="w-full sm:w-44" />
      </div>
      {navigation ? (
        <div className="flex items-center justify-between gap-2 border-t px-5 py-3 sm:px-6">
          <Button variant="ghost" size="sm" disabled={navigation.disabled || !navigation.hasPrevious} onClick={navigation.onPrevious}>
            <ArrowLeft aria-hidden />
            Previous question
            <Kbd className="ml-1 hidden sm:inline-flex">←</Kbd>
          </Button>
          <Button
            variant={navigation.hasNext ? "primary" : "outline"}
            size="sm"
            disabled={navigation.disabled || !navigation.hasNext}
            onClick={navigation.onNext}
          >
            Next question
            <Kbd className="ml-1 hidden border-white/25 bg-white/10 text-current sm:inline-flex">→</Kbd>
            <ArrowRight aria-hidden />
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function ReferenceAnswer({ answer }: { answer: string | null }) {
  if (!answer) return null;
  return (
    <section aria-labelledby="answer-heading" className="rounded-xl border bg-card shadow-xs">
      <h2 id="answer-heading" className="border-b px-5 py-3 text-sm font-semibold">
        Reference answer
      </h2>
      <Markdown className="px-5 py-4">{answer}</Markdown>
    </section>
  );
}

/** The interviewer's moves through the room, each sent once at a time, with what is on its way. */
function useStaffActions(run: StaffRoomProps["run"], current: StaffQuestionView | null) {
  const [pendingReveals, setPendingReveals] = useState<ReadonlySet<string>>(new Set());
  const [moving, setMoving] = useState(false);

  async function reveal(question: StaffQuestionView, followUpId: string) {
    if (pendingReveals.has(followUpId)) return;
    setPendingReveals((ids) => new Set(ids).add(followUpId));
    await run({ type: "revealFollowUp", questionId: question.id, followUpId });
    setPendingReveals((ids) => {
      const next = new Set(ids);
      next.delete(followUpId);
      return next;
    });
  }

  async function move(direction: "nextQuestion" | "previousQuestion") {
    if (!current || moving) return;
    setMoving(true);
    await run({ type: direction, fromQuestionId: current.id });
    setMoving(false);
  }

  async function goTo(questionId: string) {
    if (moving || questionId === current?.id) return;
    setMoving(true);
    await run({ type: "goToQuestion", questionId });
    setMoving(false);
  }

  return { pendingReveals, moving, reveal, move, goTo };
}

function EndInterviewDialog({ open, onClose, run }: { open: boolean; onClose: () => void; run: StaffRoomProps["run"] }) {
  const [ending, setEnding] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      title="End the interview?"
      description="The timers stop and the candidate sees that the interview is over. You can still read and score everything afterwards."
      confirmLabel="End interview"
      pending={ending}
      onCancel={onClose}
      onConfirm={async () => {
        setEnding(true);
        const ok = await run({ type: "end" });
        setEnding(false);
        if (ok) onClose();
      }}
    />
  );
}

/** The current question with its follow-ups, reference answer and key points. */
function CurrentQuestionPanels({
  view,
  current,
  index,
  now,
  actions,
  mayReveal,
  mayNavigate,
  run,
}: {
  view: StaffView;
  current: StaffQuestionView;
  index: number;
  now: number | null;
  actions: ReturnType<typeof useStaffActions>;
  mayReveal: boolean;
  mayNavigate: boolean;
  run: StaffRoomProps["run"];
}) {
  const role = view.role;
  const total = view.questions.length;
  const { pendingReveals, moving, reveal, move } = actions;
  const hasPrevious = index > 0;
  const hasNext = index < total - 1;
  return (
    <>
      <CurrentQuestionCard
        question={current}
        number={index + 1}
        total={total}
        now={now}
        ended={view.status === "ended"}
        navigation={
          canNavigate(role) && view.status !== "ended"
            ? {
                hasPrevious,
                hasNext,
                disabled: !mayNavigate || moving,
                onPrevious: () => void move("previousQuestion"),
                onNext: () => void move("nextQuestion"),
              }
            : null
        }
      />

      <StaffFollowUps
        question={current}
        sessionStartedAt={view.clock.startedAt}
        canReveal={mayReveal}
        pendingIds={pendingReveals}
        onReveal={(followUpId) => void reveal(current, followUpId)}
      />

      <ReferenceAnswer answer={current.answer} />

      {current.keyPoints.length > 0 ? (
        <KeyPoints
          keyPoints={current.keyPoints}
          provenance={current.provenance}
          canCheck={canCheckKeyPoint(role)}
          onChange={(pointIndex, checked) => run({ type: "setKeyPointChecked", questionId: current.id, index: pointIndex, checked })}
        />
      ) : null}
    </>
  );
}

/** Below the question on narrow screens, the notes and the scorecard stay one tap away. */
function NotesJumpLink() {
  return (
    <a
      href="#notes-and-scorecard"
      className="fixed right-4 bottom-4 z-20 rounded-full border bg-card px-4 py-2 text-sm font-medium shadow-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none lg:hidden"
    >
      Notes and scorecard
    </a>
  );
}

function StaffRoomHeader({
  title,
  view,
  current,
  index,
  now,
  connection,
  onEnd,
}: {
  title: string;
  view: StaffView;
  current: StaffQuestionView | null;
  index: number;
  now: number | null;
  connection: ConnectionState;
  onEnd: () => void;
}) {
  const role = view.role;
  const total = view.questions.length;
  return (
    <RoomHeader
      sessionId={view.sessionId}
      title={title}
      status={view.status}
      subtitle={<StaffSubtitle view={view} number={current ? index + 1 : null} total={total} />}
      presence={<PresenceList participants={view.participants} viewerId={view.viewer.userId} live={view.status !== "ended"} />}
      meta={
        <>
          <SessionClock clock={view.clock} now={now} />
          <RoomConnectionStatus connection={connection} />
        </>
      }
      actions={
        canEnd(role) && view.status === "live" ? (
          <Button variant="outline" size="sm" onClick={onEnd} className="text-destructive hover:text-destructive">
            <CircleStop aria-hidden />
            End interview
          </Button>
        ) : null
      }
    />
  );
}
