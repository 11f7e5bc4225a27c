import type { Metadata } from "next";
import { CalibrationCharts } from "@/components/review/calibration-charts";
import { CandidateProgressCharts } from "@/components/review/candidate-progress-charts";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import { PROGRESS_SESSIONS } from "@/server/domain/review/progress";
import { PeerSessionsList } from "@/components/practice/peer-sessions-list";
import { currentUser } from "@/server/auth/session";
import { canPractise } from "@/server/domain/practice/policy";

export const metadata: Metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

export default async function ProgressPage() {
  const api = await serverApi();
  const user = await currentUser();
  const [progress, peerSessions] = await Promise.all([api.review.progress(), user && canPractise(user) ? api.practice.sessions() : []]);
  const nothing = !progress.candidate && !progress.calibration && peerSessions.length === 0;
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
      {peerSessions.length > 0 ? (
        <section aria-labelledby="peer-practice" className="grid gap-4">
          <h2 id="peer-practice" className="text-lg font-semibold">
            In peer practice
          </h2>
          <p className="text-sm text-muted-foreground">
            Your sessions with peers, and how each partner rated your answers. The halves you asked and answered also count above.
          </p>
          <PeerSessionsList sessions={peerSessions} />
        </section>
      ) : null}
    </div>
  );
}
