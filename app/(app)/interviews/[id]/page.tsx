import type { Metadata } from "next";
import { PlanDetail } from "@/components/interviews/plan-detail";

export const metadata: Metadata = { title: "Interview plan" };
export const dynamic = "force-dynamic";

export default async function InterviewPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PlanDetail sessionId={id} />;
}
