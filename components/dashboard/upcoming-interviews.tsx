import { CalendarPlus, ChevronRight, Video } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { InterviewStatus } from "@/components/interviews/interview-status";
import { interviewHref } from "@/components/interviews/interview-href";
import type { Role } from "@/server/domain/room";
import { LocalTime } from "@/components/schedule/local-time";

export interface UpcomingInterview {
  id: string;
  title: string;
  status: "PLANNED" | "LIVE" | "ENDED" | "CANCELLED";
  createdAt: Date;
  scheduledAt: Date | null;
  myRole: Role;
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function UpcomingInterviews({ interviews, canPlan, className }: { interviews: UpcomingInterview[]; canPlan: boolean; className?: string }) {
  return (
    <Card className={cn("flex flex-col", className)} aria-labelledby="upcoming-heading" role="region">
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="grid min-w-0 gap-1">
          <CardTitle id="upcoming-heading">Upcoming interviews</CardTitle>
          <CardDescription>Planned and live sessions you are part of.</CardDescription>
        </div>
        {interviews.length > 0 ? (
          <Button asChild variant="ghost" size="sm" className="-mr-2">
            <Link href="/interviews">
              See all
              <ChevronRight aria-hidden />
            </Link>
          </Button>
        ) : null}
      </CardHeader>
      {interviews.length > 0 ? (
        <InterviewRows interviews={interviews} testId="upcoming-list" />
      ) : (
        <div className="flex flex-1 p-5 sm:p-6" data-testid="upcoming-empty">
          <div className="flex flex-1 flex-col items-center justify-center rounded-lg border border-dashed px-6 py-10 text-center">
            <span aria-hidden className="mb-4 flex size-11 items-center justify-center rounded-full border bg-card shadow-xs">
              <CalendarPlus className="size-5 text-muted-foreground" />
            </span>
            <p className="text-sm font-medium">No interviews on the calendar</p>
            {canPlan ? (
              <>
                <p className="mt-1 max-w-sm text-sm text-muted-foreground">
                  Pick a few questions from the bank, then send the candidate a link. They can join without an account.
                </p>
                <Button asChild variant="outline" size="sm" className="mt-5">
                  <Link href="/interviews/new">Plan your first interview</Link>
                </Button>
              </>
            ) : (
              <p className="mt-1 max-w-sm text-sm text-muted-foreground">An interview you are invited to appears here once you open its link.</p>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}

/** Each interview as a row that opens where it belongs for the user (its plan, room or review). */
function InterviewRows({ interviews, testId }: { interviews: UpcomingInterview[]; testId: string }) {
  return (
    <ul className="mt-4 divide-y border-t" data-testid={testId}>
      {interviews.map((interview) => (
        <li key={interview.id}>
          <Link
            href={interviewHref(interview, interview.myRole)}
            title={interview.title}
            className="group flex items-center gap-3 px-5 py-3.5 outline-none transition-colors hover:bg-accent/50 focus-visible:bg-accent/60 sm:px-6"
          >
            <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-lg border bg-muted/60">
              <Video className="size-4 text-muted-foreground" />
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium">{interview.title}</span>
              <span className="block text-xs text-muted-foreground">
                {interview.scheduledAt && interview.status === "PLANNED" ? (
                  <LocalTime instant={interview.scheduledAt} />
                ) : (
                  <>
                    Created <time dateTime={interview.createdAt.toISOString()}>{dateFormat.format(interview.createdAt)}</time>
                  </>
                )}
              </span>
            </span>
            <InterviewStatus status={interview.status} />
            <ChevronRight aria-hidden className="size-4 text-muted-foreground/60 transition-transform group-hover:translate-x-0.5" />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The interviews the user took part in that have ended, each opening its review. */
export function FinishedInterviews({ interviews, className }: { interviews: UpcomingInterview[]; className?: string }) {
  return (
    <Card className={cn("flex flex-col", className)} aria-labelledby="finished-heading" role="region">
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="grid min-w-0 gap-1">
          <CardTitle id="finished-heading">Finished interviews</CardTitle>
          <CardDescription>Their questions, your scratchpad and any feedback released to you.</CardDescription>
        </div>
        <Button asChild variant="ghost" size="sm" className="-mr-2">
          <Link href="/history">
            History
            <ChevronRight aria-hidden />
          </Link>
        </Button>
      </CardHeader>
      <InterviewRows interviews={interviews} testId="finished-list" />
    </Card>
  );
}
