import { ArrowLeft, DoorOpen } from "lucide-react";
import Link from "next/link";
import { InterviewStatus } from "@/components/interviews/interview-status";
import { ReplayPanel } from "@/components/review/replay-panel";
import { SessionActions } from "@/components/review/session-actions";
import { SessionQuestions } from "@/components/review/session-questions";
import { CandidateScoring, StaffScoring } from "@/components/review/session-scoring";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatDuration } from "@/server/domain/format-duration";
import { ROLE_LABELS } from "@/server/domain/room/room-state";
import type { RoomView } from "@/server/domain/room/view-for";
import type { SessionReview } from "@/server/api/routers/review/session.schema";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Fact({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("grid gap-0.5", className)}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium">{children}</dd>
    </div>
  );
}

function askedCount(view: RoomView): { asked: number; planned: number | null; revealed: number } {
  if (view.role === "CANDIDATE") {
    const asked = [...view.earlier, ...(view.current ? [view.current] : [])];
    return { asked: asked.length, planned: null, revealed: asked.reduce((sum, question) => sum + question.followUps.length, 0) };
  }
  return {
    asked: view.questions.filter((question) => question.asked).length,
    planned: view.questions.length,
    revealed: view.questions.reduce((sum, question) => sum + question.followUps.filter((followUp) => followUp.revealedAt !== null).length, 0),
  };
}

/** Whether the room still has something for this member to do: the interview itself, a scorecard, a self-assessment. */
function roomCall(view: RoomView): string | null {
  if (view.status !== "ended") return view.status === "live" ? "Join the live room" : "Open the room";
  if (view.role === "CANDIDATE") return view.feedback?.criteria && !view.feedback.selfAssessment ? "Rate yourself in the room" : null;
  return view.scoring.mine?.submittedAt ? "Open the room" : "Score in the room";
}

export function SessionPage({ review }: { review: SessionReview }) {
  const { session, view } = review;
  const call = roomCall(view);
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 sm:py-12 print:max-w-none print:p-0">
      <div className="grid gap-4">
        <Link href="/history" className="inline-flex w-fit items-center gap-1 text-[13px] text-muted-foreground hover:text-foreground print:hidden">
          <ArrowLeft aria-hidden className="size-3.5" /> History
        </Link>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="grid gap-2">
            <h1 className="text-2xl font-semibold tracking-tight sm:text-[28px] sm:leading-9">{session.title}</h1>
            <div className="flex flex-wrap items-center gap-2">
              <InterviewStatus status={session.status as "PLANNED" | "LIVE" | "ENDED" | "CANCELLED"} />
              <Badge variant="outline">You: {ROLE_LABELS[session.myRole]}</Badge>
              {session.hidden ? <Badge>Hidden from your history</Badge> : null}
              {session.peerSessionId ? (
                <Link href={`/practice/sessions/${session.peerSessionId}`} className="text-[13px] font-medium text-primary hover:underline print:hidden">
                  Peer practice: feedback
                </Link>
              ) : null}
            </div>
          </div>
          <SessionActions sessionId={session.id} title={session.title} canDelete={session.canDelete} canHide={session.canHide} hidden={session.hidden} />
        </div>
        {call ? (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-primary-soft/50 px-4 py-3 print:hidden">
            <p className="text-sm">
              {view.status === "ended"
                ? "The interview has ended; this page is its record."
                : "This interview is not over yet; the page shows it as it stands."}
            </p>
            <Button asChild size="sm">
              <Link href={`/room/${session.id}`}>
                <DoorOpen aria-hidden />
                {call}
              </Link>
            </Button>
          </div>
        ) : null}
      </div>

      <SessionOverview review={review} />

      <section aria-labelledby="questions-heading" className="grid gap-3">
        <h2 id="questions-heading" className="text-lg font-semibold">
          Questions as asked
        </h2>
        <SessionQuestions view={view} />
      </section>

      <section aria-labelledby="scoring-heading" className="grid gap-3">
        <h2 id="scoring-heading" className="text-lg font-semibold">
          {view.role === "CANDIDATE" ? "Feedback" : "Scorecards and feedback"}
        </h2>
        {view.role === "CANDIDATE" ? <CandidateScoring view={view} /> : <StaffScoring view={view} />}
      </section>

      <section aria-labelledby="replay-heading" className="grid gap-3 print:hidden">
        <div>
          <h2 id="replay-heading" className="text-lg font-semibold">
            Timeline and replay
          </h2>
          <p className="text-sm text-muted-foreground">
            Every event with its time from the start. Move the slider, or pick an event, to see the room as it was then.
          </p>
        </div>
        <ReplayPanel sessionId={session.id} perspectives={session.perspectives} />
      </section>
    </div>
  );
}

/** When it ran, for how long, how much was asked and who was there. */
function SessionOverview({ review }: { review: SessionReview }) {
  const { session, view } = review;
  const counts = askedCount(view);
  const duration = view.clock.startedAt && view.clock.endedAt ? Date.parse(view.clock.endedAt) - Date.parse(view.clock.startedAt) : null;
  const people = view.participants;
  return (
    <section aria-labelledby="overview-heading" className="grid gap-3">
      <h2 id="overview-heading" className="sr-only">
        Overview
      </h2>
      <dl className="grid grid-cols-2 gap-4 rounded-xl border bg-card p-5 shadow-xs sm:grid-cols-4">
        <Fact label="Started (UTC)">{view.clock.startedAt ? dateTime.format(new Date(view.clock.startedAt)) : "Not started"}</Fact>
        <Fact label="Duration">{duration !== null ? formatDuration(duration) : view.status === "live" ? "In progress" : "—"}</Fact>
        <Fact label="Questions asked">{counts.planned === null ? counts.asked : `${counts.asked} of ${counts.planned}`}</Fact>
        <Fact label="Follow-ups revealed">{counts.revealed}</Fact>
        <Fact label="Interviewer">{session.ownerName}</Fact>
        <Fact label="People" className="col-span-2 sm:col-span-3">
          {people.length === 0
            ? "Nobody joined"
            : people.map((participant) => `${participant.name} (${ROLE_LABELS[participant.role].toLowerCase()})`).join(", ")}
        </Fact>
      </dl>
    </section>
  );
}
