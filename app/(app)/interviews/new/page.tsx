import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { PlanEditor } from "@/components/interviews/plan-editor";
import { AccountNeeded } from "@/components/app-shell/account-needed";
import { currentUser } from "@/server/auth/session";
import { canPlanInterviews } from "@/server/domain/interview/policy";

export const metadata: Metadata = { title: "Plan an interview" };
export const dynamic = "force-dynamic";

export default async function NewInterviewPage() {
  const user = await currentUser();
  if (!user || !canPlanInterviews(user)) {
    return (
      <AccountNeeded title="Planning interviews needs an account" reason="Interviews are planned from the question bank, which is open to accounts only." />
    );
  }
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <Link href="/interviews" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" />
        Interviews
      </Link>
      <PageHeader
        className="mt-3"
        title="Plan an interview"
        description="Pick questions from the bank, order them and give each a time box. You send the invite link next."
      />
      <div className="mt-8">
        <PlanEditor initial={{ title: "", candidateName: "", candidateEmail: "", items: [] }} />
      </div>
    </div>
  );
}
