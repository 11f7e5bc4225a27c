import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { InterviewList } from "@/components/interviews/interview-list";
import { serverApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Interviews" };
export const dynamic = "force-dynamic";

export default async function InterviewsPage() {
  const interviews = await (await serverApi()).interview.list();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader
        title="Interviews"
        description="Sessions you run, take or observe."
        actions={
          <Button asChild>
            <Link href="/interviews/new">
              <Plus aria-hidden />
              Plan an interview
            </Link>
          </Button>
        }
      />
      <div className="mt-8">
        <InterviewList interviews={interviews} />
      </div>
    </div>
  );
}
