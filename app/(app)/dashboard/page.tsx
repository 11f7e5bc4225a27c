import { BookOpen, FileText, Mic, Plus, UserRound, UserRoundPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { HowItWorks } from "@/components/dashboard/how-it-works";
import { StatCard } from "@/components/dashboard/stat-card";
import { FinishedInterviews, UpcomingInterviews } from "@/components/dashboard/upcoming-interviews";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";
import { canPlanInterviews } from "@/server/domain/interview/policy";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const [user, summary] = await Promise.all([currentUser(), (await serverApi()).dashboard.summary()]);
  const firstName = user?.name?.trim().split(/\s+/)[0];
  const canPlan = user !== null && canPlanInterviews(user);
  const isNew = summary.interviewsRun + summary.interviewsTaken === 0;
  const greeting = isNew ? "Welcome to Mockroom" : "Welcome back";
  const description = !canPlan
    ? "You joined as a guest: your interviews are below. An account keeps them, and lets you plan your own."
    : isNew
      ? "Plan your first interview, or practise with a question from the bank."
      : "Here is where your interviews stand.";

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader
        title={firstName ? `${greeting}, ${firstName}` : greeting}
        description={description}
        actions={
          canPlan ? (
            <>
              <Button asChild variant="outline">
                <Link href="/bank">
                  <BookOpen aria-hidden />
                  Browse the bank
                </Link>
              </Button>
              <Button asChild>
                <Link href="/interviews/new">
                  <Plus aria-hidden />
                  Plan an interview
                </Link>
              </Button>
            </>
          ) : (
            <Button asChild>
              <Link href="/sign-up">
                <UserRoundPlus aria-hidden />
                Create an account
              </Link>
            </Button>
          )
        }
      />

      {canPlan ? (
        <section aria-label="Overview" className="mt-8 sm:mt-10">
          <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            <StatCard testId="stat-bank-questions" label="Questions in bank" value={summary.bankQuestions} hint="Ready to use in a session" icon={BookOpen} />
            <StatCard testId="stat-bank-documents" label="Documents" value={summary.bankDocuments} hint="Interview-prep sources imported" icon={FileText} />
            <StatCard testId="stat-interviews-run" label="Interviews run" value={summary.interviewsRun} hint="As the interviewer" icon={Mic} />
            <StatCard testId="stat-interviews-taken" label="Interviews taken" value={summary.interviewsTaken} hint="As the candidate" icon={UserRound} />
          </dl>
        </section>
      ) : null}

      <div className={cn("grid gap-4 sm:gap-6 lg:grid-cols-3", canPlan ? "mt-4 sm:mt-6" : "mt-8 sm:mt-10")}>
        <UpcomingInterviews interviews={summary.upcoming} canPlan={canPlan} className={canPlan ? "min-w-0 lg:col-span-2" : "min-w-0 lg:col-span-3"} />
        {canPlan ? <HowItWorks className="min-w-0" /> : null}
        {/* The guest's description promises their interviews below: the finished ones are theirs too. */}
        {!canPlan && summary.finished.length > 0 ? <FinishedInterviews interviews={summary.finished} className="min-w-0 lg:col-span-3" /> : null}
      </div>
    </div>
  );
}
