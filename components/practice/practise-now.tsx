"use client";

import { ArrowRight, Search, UserRound } from "lucide-react";
import Link from "next/link";
import type { PracticeStatus } from "@/components/practice/practice-queue";
import { useTopicSelect } from "@/components/practice/topic-select";
import { usePracticeQueue, type UsePracticeQueue } from "@/components/practice/use-practice-queue";
import { useServerNow } from "@/components/practice/use-server-now";
import { formatDuration } from "@/components/room/format-time";
import { useTickingNow } from "@/components/room/use-ticking-now";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { LEVEL_LABELS } from "@/server/domain/practice/levels";

/** "Practise now": choose a topic, wait for a partner, answer the match; the session opens in its room. */
export function PractiseNow({ topics, initial }: { topics: string[]; initial: PracticeStatus }) {
  const queue = usePracticeQueue(initial);
  const serverNow = useServerNow();
  const { status } = queue;
  return (
    <div className="grid gap-4" data-testid="practise-now" data-state={status.state}>
      {queue.unreachable ? <Alert variant="error">The server is not answering. Checking again every few seconds…</Alert> : null}
      {queue.notice ? <Alert data-testid="practice-notice">{queue.notice}</Alert> : null}
      {queue.error ? <Alert variant="error">{queue.error}</Alert> : null}
      {status.state === "idle" ? (
        <TopicChooser topics={topics} queue={queue} />
      ) : status.state === "waiting" ? (
        <Waiting status={status} queue={queue} serverNow={serverNow} />
      ) : status.state === "proposed" ? (
        <Proposal status={status} queue={queue} serverNow={serverNow} />
      ) : (
        <InSession status={status} />
      )}
    </div>
  );
}

function TopicChooser({ topics, queue }: { topics: string[]; queue: UsePracticeQueue }) {
  const { topic, select } = useTopicSelect(topics, "practice-topic", "Topic");
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        void queue.join(topic);
      }}
    >
      <div className="grid min-w-0 flex-1 gap-2">{select}</div>
      <Button type="submit" className="h-10 sm:h-9" loading={queue.pending === "join"} disabled={topic === ""}>
        <Search aria-hidden />
        Find a partner
      </Button>
    </form>
  );
}

interface WaitingProps {
  status: Extract<PracticeStatus, { state: "waiting" }>;
  queue: UsePracticeQueue;
  serverNow: () => number;
}

function Waiting({ status, queue, serverNow }: WaitingProps) {
  const now = useTickingNow(serverNow, 1_000);
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-dashed bg-muted/40 p-4 sm:flex-row sm:items-center" data-testid="practice-waiting">
      <span aria-hidden className="relative flex size-2.5 shrink-0 self-start sm:self-center">
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-primary opacity-50" />
        <span className="relative inline-flex size-2.5 rounded-full bg-primary" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium" role="status">
          Looking for a partner for {status.topic}…
        </p>
        <p className="mt-1 text-[13px] text-muted-foreground">
          <span className="tabular-nums" data-testid="practice-elapsed">
            {now === null ? "Just started" : `Waiting ${formatDuration(now - status.joinedAt.getTime())}`}
          </span>
          {" · Keep this page open: you will be asked to accept when someone is found."}
        </p>
      </div>
      <Button variant="outline" className="w-fit" loading={queue.pending === "leave"} onClick={() => void queue.leave()}>
        Stop looking
      </Button>
    </div>
  );
}

interface ProposalProps {
  status: Extract<PracticeStatus, { state: "proposed" }>;
  queue: UsePracticeQueue;
  serverNow: () => number;
}

function Proposal({ status, queue, serverNow }: ProposalProps) {
  const now = useTickingNow(serverNow, 1_000);
  const left = now === null ? null : Math.max(0, status.answerBy.getTime() - now);
  const level = status.partner.level ? LEVEL_LABELS[status.partner.level] : null;
  return (
    <div className="grid gap-4 rounded-lg border border-primary/40 bg-primary-soft/40 p-4" data-testid="practice-proposal">
      <div className="flex items-start gap-3">
        <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-full border bg-card">
          <UserRound className="size-4 text-muted-foreground" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">
            Partner found: {status.partner.name}
            {level ? <span className="font-normal text-muted-foreground"> · {level}</span> : null}
          </p>
          <p className="mt-0.5 text-[13px] text-muted-foreground">{status.topic}</p>
        </div>
        <p className="shrink-0 text-[13px] text-muted-foreground tabular-nums" role="timer" data-testid="practice-answer-by">
          {left === null ? "" : left > 0 ? `${formatDuration(left)} to answer` : "Time is up"}
        </p>
      </div>
      {status.accepted ? (
        <p className="inline-flex items-center gap-2 text-sm" role="status">
          <Spinner className="text-muted-foreground" />
          Waiting for {status.partner.name} to accept…
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button loading={queue.pending === "accept"} disabled={queue.pending !== null} onClick={() => void queue.accept()}>
            Accept
          </Button>
          <Button variant="outline" loading={queue.pending === "decline"} disabled={queue.pending !== null} onClick={() => void queue.decline()}>
            Decline
          </Button>
          {status.partnerAccepted ? <span className="text-[13px] text-muted-foreground">{status.partner.name} has accepted.</span> : null}
        </div>
      )}
    </div>
  );
}

function InSession({ status }: { status: Extract<PracticeStatus, { state: "active" }> }) {
  return (
    <div className="flex flex-col gap-3 rounded-lg border p-4 sm:flex-row sm:items-center" data-testid="practice-in-session">
      <p className="min-w-0 flex-1 text-sm">
        Your practice with <span className="font-medium">{status.partnerName}</span> on {status.topic} is on: half {status.half} of 2,{" "}
        {status.asking ? "you ask" : "you answer"}.
      </p>
      <Button asChild className="w-fit">
        <Link href={`/room/${status.roomId}`}>
          Go to the room
          <ArrowRight aria-hidden />
        </Link>
      </Button>
    </div>
  );
}
