import type { Role } from "@/server/domain/room/room-state";
import { CalendarPlus, ChevronRight, Eye, Mic, UserRound, UsersRound } from "lucide-react";
import Link from "next/link";
import { interviewHref } from "@/components/interviews/interview-href";
import type { ComponentType, ReactNode } from "react";
import { LocalTime } from "@/components/schedule/local-time";
import { Button } from "@/components/ui/button";
import { InterviewStatus } from "@/components/interviews/interview-status";

export interface InterviewSummary {
  id: string;
  title: string;
  status: "PLANNED" | "LIVE" | "ENDED" | "CANCELLED";
  myRole: Role;
  candidateName: string | null;
  createdAt: Date;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  questionCount: number;
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

const groups: { role: InterviewSummary["myRole"]; heading: string; icon: ComponentType<{ className?: string }> }[] = [
  { role: "INTERVIEWER", heading: "As interviewer", icon: Mic },
  { role: "CO_INTERVIEWER", heading: "As co-interviewer", icon: UsersRound },
  { role: "CANDIDATE", heading: "As candidate", icon: UserRound },
  { role: "OBSERVER", heading: "As observer", icon: Eye },
];

function whenOf(interview: InterviewSummary): ReactNode {
  if (interview.endedAt) return `Ended ${dateFormat.format(interview.endedAt)}`;
  if (interview.startedAt) return `Started ${dateFormat.format(interview.startedAt)}`;
  if (interview.scheduledAt && interview.status === "PLANNED") return <LocalTime instant={interview.scheduledAt} />;
  return `Created ${dateFormat.format(interview.createdAt)}`;
}

/** Live first, then planned (the soonest first, unscheduled after), then the past; newest first otherwise. */
function byRelevance(a: InterviewSummary, b: InterviewSummary): number {
  const rank = { LIVE: 0, PLANNED: 1, ENDED: 2, CANCELLED: 3 } as const;
  const [startA, startB] = [a.scheduledAt?.getTime() ?? Infinity, b.scheduledAt?.getTime() ?? Infinity];
  const soonest = a.status === "PLANNED" && startA !== startB ? (startA < startB ? -1 : 1) : 0;
  return rank[a.status] - rank[b.status] || soonest || b.createdAt.getTime() - a.createdAt.getTime();
}

export function InterviewList({ interviews, canPlan }: { interviews: InterviewSummary[]; canPlan: boolean }) {
  if (interviews.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-xl border border-dashed bg-card px-6 py-16 text-center">
        <span aria-hidden className="mb-4 flex size-11 items-center justify-center rounded-full border bg-card shadow-xs">
          <CalendarPlus className="size-5 text-muted-foreground" />
        </span>
        <p className="text-sm font-medium">No interviews yet</p>
        {canPlan ? (
          <>
            <p className="mt-1 max-w-sm text-sm text-muted-foreground">
              Pick a few questions from the bank, then send the candidate a link. They can join without an account.
            </p>
            <Button asChild className="mt-5">
              <Link href="/interviews/new">Plan an interview</Link>
            </Button>
          </>
        ) : (
          <p className="mt-1 max-w-sm text-sm text-muted-foreground">An interview you are invited to appears here once you open its link.</p>
        )}
      </div>
    );
  }
  return (
    <div className="grid gap-8">
      {groups.map(({ role, heading, icon: Icon }) => {
        const mine = interviews.filter((interview) => interview.myRole === role).sort(byRelevance);
        if (mine.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`group-${role}`}>
            <h2 id={`group-${role}`} className="mb-3 flex items-center gap-2 text-sm font-semibold text-muted-foreground">
              <Icon className="size-4" />
              {heading}
              <span className="font-normal">· {mine.length}</span>
            </h2>
            <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs">
              {mine.map((interview) => {
                const href = interviewHref(interview, role);
                return (
                  <li key={interview.id}>
                    <Link
                      href={href}
                      data-testid="interview-row"
                      className="group flex items-center gap-4 px-5 py-4 outline-none transition-colors hover:bg-accent/50 focus-visible:bg-accent/60"
                    >
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-sm font-medium">{interview.title}</span>
                        <span className="block text-xs text-muted-foreground">
                          {role !== "CANDIDATE" && interview.candidateName ? `${interview.candidateName} · ` : ""}
                          {interview.questionCount} question{interview.questionCount === 1 ? "" : "s"} · {whenOf(interview)}
                        </span>
                      </span>
                      <InterviewStatus status={interview.status} />
                      <ChevronRight aria-hidden className="size-4 text-muted-foreground/60 transition-transform group-hover:translate-x-0.5" />
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
