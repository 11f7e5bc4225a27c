import type { Metadata } from "next";
import { CalibrationCharts } from "@/components/review/calibration-charts";
import { CandidateProgressCharts } from "@/components/review/candidate-progress-charts";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import { PROGRESS_SESSIONS } from "@/server/domain/review/progress";

export const metadata: Metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

export default async function ProgressPage() {
  const progress = await (await serverApi()).review.progress();
  const nothing = !progress.candidate && !progress.calibration;
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader
        title="Progress"
        description={`Across your latest ${PROGRESS_SESSIONS} ended sessions: your scores as a candidate, and your calibration as a scorer.`}
      />
      {nothing ? (
        <div className="rounded-xl border border-dashed bg-card px-6 py-16 text-center">
          <p className="text-sm font-medium">Nothing to chart yet</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-muted-foreground">
            Once an interview you took or scored has ended, your scores (as they are released to you) and your calibration against other scorers appear here.
          </p>
        </div>
      ) : null}
      {progress.candidate ? (
        <section aria-labelledby="candidate-progress" className="grid gap-4">
          <h2 id="candidate-progress" className="text-lg font-semibold">
            As a candidate
          </h2>
          <CandidateProgressCharts progress={progress.candidate} />
        </section>
      ) : null}
      {progress.calibration ? (
        <section aria-labelledby="calibration" className="grid gap-4">
          <h2 id="calibration" className="text-lg font-semibold">
            As a scorer: your calibration
          </h2>
          <CalibrationCharts calibration={progress.calibration} />
        </section>
      ) : null}
    </div>
  );
}
