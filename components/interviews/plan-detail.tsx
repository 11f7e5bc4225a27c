"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, DoorOpen, MessageSquarePlus } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/components/providers/trpc-errors";
import { InterviewStatus } from "@/components/interviews/interview-status";
import { InviteLinks } from "@/components/interviews/invite-links";
import { EmailInvitations } from "@/components/interviews/email-invitations";
import { ScheduleCard } from "@/components/interviews/schedule-card";
import { ParticipantsList } from "@/components/interviews/participants-list";
import { PlanEditor } from "@/components/interviews/plan-editor";
import { SaveTemplate } from "@/components/interviews/save-template";
import { useTRPC } from "@/components/providers/trpc";
import { sectionLabel } from "@/components/room/section-label";
import { InlineTitle } from "@/components/ui/inline-title";

export function PlanDetail({ sessionId }: { sessionId: string }) {
  const plan = usePlan(sessionId);

  if (plan.isError) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
        <Alert variant="error">{errorMessage(plan.error)}</Alert>
      </div>
    );
  }
  if (!plan.data) {
    return (
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 sm:px-6" aria-busy="true">
        <Skeleton className="h-9 w-80" />
        <Skeleton className="h-32 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    );
  }

  const data = plan.data;
  const closed = data.status === "ENDED" || data.status === "CANCELLED";
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <Link href="/interviews" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" />
        Interviews
      </Link>
      <PlanHeader sessionId={sessionId} plan={data} />

      <div className="mt-8 grid gap-6">
        <ScheduleCard
          key={`${data.schedule?.startsAt.getTime() ?? "none"}-${data.status}`}
          sessionId={sessionId}
          schedule={data.schedule}
          planned={data.status === "PLANNED"}
          invitedCount={data.invitations.length}
        />
        <EmailInvitations
          sessionId={sessionId}
          invitations={data.invitations}
          emailOn={data.emailOn}
          scheduled={data.schedule !== null}
          planned={data.status === "PLANNED"}
        />
        <InviteLinks sessionId={sessionId} invites={data.invites} closed={closed} />
        <ParticipantsList sessionId={sessionId} participants={data.participants} />
        {data.editable ? (
          <PlanEditor
            key={sessionId}
            sessionId={sessionId}
            initial={{
              title: data.title,
              candidateName: data.candidateName ?? "",
              candidateEmail: data.candidateEmail ?? "",
              items: data.items
                .filter((item) => item.bankQuestionId !== null)
                .map((item) => ({
                  bankQuestionId: item.bankQuestionId as string,
                  prompt: item.prompt,
                  section: item.section,
                  followUpCount: item.followUpCount,
                  minutes: item.timeBoxSec ? String(Math.round(item.timeBoxSec / 60)) : "",
                })),
            }}
          />
        ) : (
          <FixedPlan items={data.items} />
        )}
      </div>
    </div>
  );
}

type Plan = NonNullable<ReturnType<typeof usePlan>["data"]>;

function usePlan(sessionId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.interview.plan.queryOptions({ sessionId }),
    // While an invitation is being sent, its badge follows it to "Sent" (or "Could not be delivered").
    refetchInterval: (query) => (query.state.data?.invitations.some((invitation) => invitation.delivery === "queued") ? 2_000 : false),
  });
}

function PlanHeader({ sessionId, plan: data }: { sessionId: string; plan: Plan }) {
  return (
    <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="grid gap-1.5">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{data.title}</h1>
          <InterviewStatus status={data.status} />
        </div>
        <p className="text-sm text-muted-foreground">
          {data.candidateName ? `With ${data.candidateName}` : "No candidate named yet"}
          {data.candidateEmail ? ` · ${data.candidateEmail}` : ""} · {data.items.length} question{data.items.length === 1 ? "" : "s"}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <SaveTemplate sessionId={sessionId} defaultTitle={data.title} />
        <Button asChild>
          <Link href={`/room/${sessionId}`}>
            <DoorOpen aria-hidden />
            {data.status === "LIVE" ? "Rejoin room" : data.status === "PLANNED" ? "Open room" : "Open room (read-only)"}
          </Link>
        </Button>
      </div>
    </div>
  );
}

/** The questions as planned, read-only once the interview has started. */
function FixedPlan({ items }: { items: Plan["items"] }) {
  return (
    <section aria-labelledby="questions-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="border-b px-5 py-3 sm:px-6">
        <h2 id="questions-heading" className="text-sm font-semibold">
          Questions
        </h2>
        <p className="text-xs text-muted-foreground">The plan is fixed once the interview has started.</p>
      </header>
      <ol className="divide-y">
        {items.map((item, index) => (
          <li key={item.id} className="flex gap-3 px-5 py-4 sm:px-6">
            <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold text-muted-foreground tabular-nums">
              {index + 1}
            </span>
            <div className="min-w-0">
              <p className="text-sm leading-5">
                <InlineTitle text={item.prompt} />
              </p>
              <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                {sectionLabel(item.section).short ? <span title={sectionLabel(item.section).full}>{sectionLabel(item.section).short}</span> : null}
                <span className="inline-flex items-center gap-1">
                  <MessageSquarePlus aria-hidden className="size-3" />
                  {item.followUpCount} follow-up{item.followUpCount === 1 ? "" : "s"}
                </span>
                {item.timeBoxSec ? <span>{Math.round(item.timeBoxSec / 60)} min</span> : null}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
