import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { InterviewList } from "@/components/interviews/interview-list";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";
import { canPlanInterviews } from "@/server/domain/interview/policy";

export const metadata: Metadata = { title: "Interviews" };
export const dynamic = "force-dynamic";

export default async function InterviewsPage() {
  const [user, interviews] = await Promise.all([currentUser(), (await serverApi()).interview.list()]);
  const canPlan = user !== null && canPlanInterviews(user);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader
        title="Interviews"
        description={canPlan ? "Sessions you run, take or observe." : "The interviews you joined."}
        actions={
          canPlan ? (
            <Button asChild>
              <Link href="/interviews/new">
                <Plus aria-hidden />
                Plan an interview
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="mt-8">
        <InterviewList interviews={interviews} canPlan={canPlan} />
      </div>
    </div>
  );
}
