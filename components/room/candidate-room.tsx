"use client";

import { StartsIn } from "@/components/schedule/starts-in";
import { ChevronRight, CircleCheck, Hourglass, MessageSquarePlus } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { CandidateFeedback } from "@/components/room/candidate-feedback";
import { formatDuration, offsetInInterview } from "@/components/room/format-time";
import { Markdown } from "@/components/ui/markdown";
import { PresenceList } from "@/components/room/presence";
import { RoomConnectionStatus } from "@/components/room/connection-status";
import { RoomHeader } from "@/components/room/room-header";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";
import { QuestionTimer, SessionClock } from "@/components/room/timers";
import { useTickingNow } from "@/components/room/use-ticking-now";
import type { ConnectionState } from "@/components/realtime/room-connection";
import { sessionElapsedMs, type CandidateQuestionView, type CandidateView, type ClientCommand } from "@/server/domain/room";
import { InlineTitle } from "@/components/ui/inline-title";
import type { PadQuestion } from "@/components/pad/pad-question";
import { useWorkspaceLayout } from "@/components/room/workspace-layout";

interface CandidateRoomProps {
  title: string;
  startsAt: Date | null;
  view: CandidateView;
  connection: ConnectionState;
  serverNow: () => number;
  /** Runs a command and tells the user if it failed. */
  /** Sends a command and returns the server's answer as it is (the scratchpad needs its revision). */
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
  /** The room's call, first in the page: the conversation is the interview. */
  call: ReactNode;
  /** The pad and the whiteboard of a question, typed and drawn on by everyone in the room. */
  pad: (question: PadQuestion) => ReactNode;
}

/** The candidate's room: only what has been asked and revealed, the clocks, and a scratchpad. */
export function CandidateRoom({ title, startsAt, view, connection, serverNow, send, call, pad }: CandidateRoomProps) {
  const now = useTickingNow(serverNow, 250, view.status !== "ended");
  const current = view.current;
  const { both } = useWorkspaceLayout();

  return (
    <div className="pb-16" data-testid="candidate-room">
      <style href="mockroom-reveal-in" precedence="default">
        {"@keyframes reveal-in{from{opacity:0;transform:translateY(-4px)}}"}
      </style>
      <RoomHeader
        sessionId={view.sessionId}
        title={title}
        status={view.status}
        subtitle={
          view.status === "live" && current ? `Question ${current.position + 1} of ${view.questionCount}` : view.status === "lobby" ? "Waiting room" : null
        }
        presence={<PresenceList participants={view.participants} viewerId={view.viewer.userId} live={view.status !== "ended"} />}
        meta={
          <>
            <SessionClock clock={view.clock} now={now} />
            <RoomConnectionStatus connection={connection} />
          </>
        }
      />
      <div className="mx-auto max-w-3xl px-4 pt-8 sm:px-6">
        <div className="mb-6">{call}</div>
        {view.status === "lobby" ? <CandidateLobby view={view} startsAt={startsAt} serverNow={serverNow} /> : null}
        {view.status === "ended" ? <CandidateEnded view={view} /> : null}
        {view.feedback ? <CandidateFeedback feedback={view.feedback} send={send} /> : null}
        {view.status === "live" && current ? (
          <div className="grid grid-cols-1 gap-6">
            <CurrentQuestion question={current} count={view.questionCount} sessionStartedAt={view.clock.startedAt} now={now} />
            {/* Side by side, the pad and the whiteboard take the page's width, centred on the question's column. */}
            <div className={cn("min-w-0", both && "mx-[calc(50%-min(50vw-1.5rem,44rem))]")}>{pad(current)}</div>
            {view.earlier.length > 0 ? <EarlierQuestions questions={view.earlier} sessionStartedAt={view.clock.startedAt} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function CurrentQuestion({
  question,
  count,
  sessionStartedAt,
  now,
}: {
  question: CandidateQuestionView;
  count: number;
  sessionStartedAt: string | null;
  now: number | null;
}) {
  return (
    <section aria-labelledby="candidate-question-heading" className="rounded-xl border bg-card shadow-xs" data-testid="current-question">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-4 p-6 sm:p-7">
        <div className="min-w-0 flex-1">
          <p id="candidate-question-heading" className="text-xs font-medium text-primary-soft-foreground">
            Question {question.position + 1} of {count}
          </p>
          <Markdown className="mt-2 text-lg leading-relaxed font-medium text-foreground [&_p]:leading-[1.55]">{question.prompt}</Markdown>
        </div>
        <QuestionTimer timer={question.timer} now={now} className="w-full sm:w-44" />
      </div>
      <RevealedFollowUps question={question} sessionStartedAt={sessionStartedAt} />
    </section>
  );
}

function RevealedFollowUps({ question, sessionStartedAt }: { question: CandidateQuestionView; sessionStartedAt: string | null }) {
  return (
    <section aria-label="Revealed follow-ups" className="border-t px-6 py-5 sm:px-7" aria-live="polite" data-testid="revealed-follow-ups">
      <h2 className="text-xs font-medium text-muted-foreground">Follow-up questions</h2>
      {question.followUps.length === 0 ? (
        <p className="mt-2 text-[13px] text-muted-foreground">The interviewer may add follow-up questions here as you talk.</p>
      ) : (
        <ol className="mt-3 grid gap-2.5">
          {question.followUps.map((followUp, i) => {
            const at = offsetInInterview(followUp.revealedAt, sessionStartedAt);
            return (
              <li
                key={followUp.id}
                data-testid="revealed-follow-up"
                className={cn(
                  "flex gap-3 rounded-lg border bg-primary-soft/40 px-4 py-3",
                  i === question.followUps.length - 1 && "border-primary/25 motion-safe:animate-[reveal-in_280ms_ease-out]",
                )}
              >
                <MessageSquarePlus aria-hidden className="mt-0.5 size-4 shrink-0 text-primary-soft-foreground" />
                <div className="min-w-0 flex-1">
                  <Markdown className="text-[15px] text-foreground">{followUp.prompt}</Markdown>
                </div>
                {at ? (
                  <span className="shrink-0 text-xs text-muted-foreground">
                    asked at{" "}
                    <time dateTime={followUp.revealedAt} className="font-mono tabular-nums">
                      {at}
                    </time>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function EarlierQuestions({ questions, sessionStartedAt }: { questions: CandidateQuestionView[]; sessionStartedAt: string | null }) {
  return (
    <section aria-labelledby="earlier-heading" className="grid grid-cols-1 gap-2">
      <h2 id="earlier-heading" className="text-sm font-semibold text-muted-foreground">
        Earlier questions
      </h2>
      {questions.map((question) => (
        <details key={question.id} className="group min-w-0 rounded-xl border bg-card shadow-xs">
          <summary className="flex cursor-pointer list-none items-center gap-3 px-5 py-3 text-sm select-none [&::-webkit-details-marker]:hidden">
            <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" />
            <span className="font-medium text-muted-foreground tabular-nums">Q{question.position + 1}</span>
            <span className="min-w-0 flex-1 truncate">
              <InlineTitle text={question.prompt} />
            </span>
            <span className="shrink-0 font-mono text-xs text-muted-foreground tabular-nums">{formatDuration(question.timer.accumulatedMs)}</span>
          </summary>
          <div className="grid gap-3 border-t px-5 py-4">
            <Markdown>{question.prompt}</Markdown>
            {question.followUps.length > 0 ? (
              <ol className="grid gap-1.5">
                {question.followUps.map((followUp) => (
                  <li key={followUp.id} className="flex gap-2 text-[13px]">
                    <span className="font-mono text-xs text-muted-foreground tabular-nums">{offsetInInterview(followUp.revealedAt, sessionStartedAt)}</span>
                    <span>
                      <InlineTitle text={followUp.prompt} />
                    </span>
                  </li>
                ))}
              </ol>
            ) : null}
            {question.scratchpad?.text ? (
              <pre className="overflow-x-auto rounded-lg bg-muted/60 p-3 font-mono text-[12.5px] whitespace-pre-wrap">{question.scratchpad.text}</pre>
            ) : null}
          </div>
        </details>
      ))}
    </section>
  );
}

function CandidateLobby({ view, startsAt, serverNow }: { view: CandidateView; startsAt: Date | null; serverNow: () => number }) {
  const interviewer = view.participants.find((participant) => participant.role === "INTERVIEWER");
  const interviewerHere = interviewer ? interviewer.presence === "connected" : false;
  return (
    <section aria-labelledby="lobby-heading" className="rounded-xl border bg-card p-8 text-center shadow-xs sm:p-12" data-testid="lobby">
      <span aria-hidden className="mx-auto flex size-12 items-center justify-center rounded-full bg-primary-soft">
        <Hourglass className="size-5 text-primary-soft-foreground" />
      </span>
      <h2 id="lobby-heading" className="mt-5 text-xl font-semibold tracking-tight">
        Waiting for the interviewer to start…
      </h2>
      {startsAt ? (
        <div className="mt-3">
          <StartsIn startsAt={startsAt} serverNow={serverNow} />
        </div>
      ) : null}
      <p className="mx-auto mt-2 max-w-md text-sm text-muted-foreground">
        {interviewerHere
          ? `${interviewer?.name ?? "The interviewer"} is here. The first question appears as soon as they start.`
          : "You are in the right place. The first question appears here as soon as the interview starts."}{" "}
        There {view.questionCount === 1 ? "is 1 question" : `are ${view.questionCount} questions`}; a scratchpad lets you outline your answers.
      </p>
      <div className="mx-auto mt-8 flex max-w-sm justify-center rounded-lg border bg-muted/40 px-5 py-4 text-left">
        <PresenceList participants={view.participants} viewerId={view.viewer.userId} layout="stack" />
      </div>
    </section>
  );
}

function CandidateEnded({ view }: { view: CandidateView }) {
  const total = view.clock.endedAt ? sessionElapsedMs(view.clock, new Date(view.clock.endedAt)) : null;
  const asked = view.earlier.length + (view.current ? 1 : 0);
  return (
    <section aria-labelledby="ended-heading" className="rounded-xl border bg-card p-8 text-center shadow-xs sm:p-12" data-testid="ended">
      <span aria-hidden className="mx-auto flex size-12 items-center justify-center rounded-full bg-success-soft">
        <CircleCheck className="size-6 text-success-soft-foreground" />
      </span>
      <h2 id="ended-heading" className="mt-5 text-xl font-semibold tracking-tight">
        The interview has ended
      </h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-muted-foreground">
        Thank you for your time. {asked} question{asked === 1 ? "" : "s"}
        {total !== null ? ` in ${formatDuration(total)}` : ""}. Your scratchpad has been saved with the session.
      </p>
    </section>
  );
}
