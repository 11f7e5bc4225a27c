import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { offsetLabel } from "@/components/review/session-questions";
import type { CandidateView, StaffView } from "@/server/domain/room/view-for";
import { COMPETENCY_FORMULA, competencyScores } from "@/server/domain/scoring/competencies";
import { OVERALL_MAX, RECOMMENDATION_LABELS, ratingLabel } from "@/server/domain/scoring/scale";
import type { Scorecard } from "@/server/domain/scoring/scorecard";

const score = (value: number | null) => (value === null ? "—" : value.toFixed(1));

function Prose({ label, text }: { label: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <div>
      <dt className="text-[13px] font-semibold">{label}</dt>
      <dd className="mt-0.5 text-sm whitespace-pre-wrap">{text}</dd>
    </div>
  );
}

function CardView({ view, card }: { view: StaffView; card: Scorecard }) {
  const name = view.participants.find((participant) => participant.userId === card.scorerId)?.name ?? "A former member";
  const mine = card.scorerId === view.viewer.userId;
  return (
    <article className="grid gap-4 rounded-xl border bg-card p-5 shadow-xs" data-testid="review-scorecard">
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-[15px] font-semibold">
          {name}
          {mine ? " (you)" : ""}
        </h3>
        {card.submittedAt ? <Badge variant="success">Submitted</Badge> : <Badge>Draft</Badge>}
        {card.summary.recommendation ? <Badge variant="outline">{RECOMMENDATION_LABELS[card.summary.recommendation]}</Badge> : null}
      </header>
      {[card.summary.takeaways, card.summary.strengths, card.summary.improvements].some((text) => text.trim()) ? (
        <dl className="grid gap-3">
          <Prose label="Key takeaways" text={card.summary.takeaways} />
          <Prose label="Strengths" text={card.summary.strengths} />
          <Prose label="Areas to improve" text={card.summary.improvements} />
        </dl>
      ) : null}
      {card.questions.map((section) => {
        const question = view.questions.find((candidate) => candidate.id === section.questionId);
        if (!question) return null;
        const flags = [...section.redFlags.flatMap((index) => question.redFlags[index] ?? []), ...section.customRedFlags];
        return (
          <section key={section.questionId} className="grid gap-2 border-t pt-3">
            <h4 className="text-[13px] font-semibold">
              Question {question.position + 1}
              {section.overall !== null ? (
                <span className="ml-2 font-normal text-muted-foreground">
                  Overall {section.overall}/{OVERALL_MAX}
                </span>
              ) : null}
            </h4>
            <ul className="grid gap-1.5 text-sm">
              {section.ratings.map((rating) => (
                <li key={rating.criterion}>
                  <span className="font-medium">{rating.title}:</span> {rating.rating === null ? "not rated" : ratingLabel(rating.rating)}
                  {rating.comment.trim() ? <span className="text-muted-foreground"> · {rating.comment}</span> : null}
                  {rating.evidence.length > 0 ? (
                    <ul className="mt-1 grid gap-1 border-l-2 pl-3 text-[13px] text-muted-foreground">
                      {rating.evidence.map((evidence) => (
                        <li key={evidence.noteId} className="[overflow-wrap:anywhere]">
                          <span className="mr-1.5 font-mono text-xs">{offsetLabel(evidence.createdAt, view.clock.startedAt)}</span>
                          {evidence.body}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
            {section.comment.trim() ? <p className="text-sm text-muted-foreground">{section.comment}</p> : null}
            {flags.length > 0 ? (
              <p className="text-sm">
                <span className="font-medium text-destructive">Red flags:</span> {flags.join("; ")}
              </p>
            ) : null}
          </section>
        );
      })}
      {card.amendments.length > 0 ? (
        <section className="grid gap-1 border-t pt-3">
          <h4 className="text-[13px] font-semibold">Amendments</h4>
          <ul className="grid gap-1 text-[13px] text-muted-foreground">
            {card.amendments.map((amendment) => (
              <li key={amendment.id}>
                {amendment.change} (reason: {amendment.reason})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** Scorecards, competencies and feedback as this member of staff may see them (the blind rule holds here too). */
export function StaffScoring({ view }: { view: StaffView }) {
  const { mine, others, feedback } = view.scoring;
  const cards = [...(mine ? [mine] : []), ...(others ?? [])];
  const asked = view.questions.filter((question) => question.asked);
  const competencies = competencyScores(cards, asked, view.scoring.weights);
  const name = (scorerId: string) =>
    scorerId === view.viewer.userId ? "You" : (view.participants.find((participant) => participant.userId === scorerId)?.name ?? "Former member");
  return (
    <div className="grid gap-4">
      {cards.length === 0 ? <p className="text-sm text-muted-foreground">Nobody has scored this session yet.</p> : null}
      {others === null && mine ? <p className="text-sm text-muted-foreground">The other scorers&apos; cards are shown here once yours is submitted.</p> : null}
      {cards.length > 0 && competencies.competencies.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border bg-card p-5 shadow-xs">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-[13px] text-muted-foreground">{COMPETENCY_FORMULA}</caption>
            <thead>
              <tr className="border-b text-[13px] text-muted-foreground">
                <th scope="col" className="py-1.5 font-medium">
                  Competency (1–4)
                </th>
                {cards.map((card) => (
                  <th key={card.scorerId} scope="col" className="py-1.5 text-right font-medium">
                    {name(card.scorerId)}
                  </th>
                ))}
                {cards.length > 1 ? (
                  <th scope="col" className="py-1.5 text-right font-medium">
                    Mean
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {competencies.competencies.map((competency) => (
                <tr key={competency.key} className="border-b">
                  <th scope="row" className="py-1.5 font-normal">
                    {competency.title}
                  </th>
                  {competency.byScorer.map((entry) => (
                    <td key={entry.scorerId} className="py-1.5 text-right tabular-nums">
                      {score(entry.score)}
                    </td>
                  ))}
                  {cards.length > 1 ? <td className="py-1.5 text-right tabular-nums">{score(competency.mean)}</td> : null}
                </tr>
              ))}
              <tr className="font-semibold">
                <th scope="row" className="py-1.5">
                  Session score
                </th>
                {competencies.overall.byScorer.map((entry) => (
                  <td key={entry.scorerId} className="py-1.5 text-right tabular-nums">
                    {score(entry.score)}
                  </td>
                ))}
                {cards.length > 1 ? <td className="py-1.5 text-right tabular-nums">{score(competencies.overall.mean)}</td> : null}
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      {cards.map((card) => (
        <CardView key={card.scorerId} view={view} card={card} />
      ))}
      {feedback.released || feedback.draft ? (
        <article className="grid gap-2 rounded-xl border bg-card p-5 shadow-xs break-inside-avoid-page">
          <h3 className="text-[15px] font-semibold">
            Feedback for the candidate {feedback.released ? <Badge variant="success">Released</Badge> : <Badge>Draft, not released</Badge>}
          </h3>
          <p className="text-sm whitespace-pre-wrap">{feedback.released?.text ?? feedback.draft}</p>
          {view.scoring.selfAssessment ? (
            <p className="text-[13px] text-muted-foreground">
              The candidate {view.scoring.selfAssessment.ratings.length > 0 ? "rated themselves" : "chose not to rate themselves"} before seeing the scores.
            </p>
          ) : null}
        </article>
      ) : null}
    </div>
  );
}

/** What was released to the candidate, and nothing else: their view holds nothing more. */
export function CandidateScoring({ view }: { view: CandidateView }) {
  const feedback = view.feedback;
  if (!feedback)
    return <p className="text-sm text-muted-foreground">No feedback has been released to you yet. It appears here when the interviewer releases it.</p>;
  return (
    <div className="grid gap-4">
      <article className="grid gap-2 rounded-xl border bg-card p-5 shadow-xs">
        <h3 className="text-[15px] font-semibold">Feedback from your interviewer</h3>
        <p className="text-sm whitespace-pre-wrap">{feedback.text}</p>
      </article>
      {feedback.criteria && !feedback.scores ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-card p-5 shadow-xs">
          <p className="text-sm">Your scores were released too. Rate yourself first (or skip it), then they are shown here.</p>
          <Button asChild size="sm">
            <Link href={`/room/${view.sessionId}`}>Rate yourself</Link>
          </Button>
        </div>
      ) : null}
      {feedback.scores ? (
        <div className="overflow-x-auto rounded-xl border bg-card p-5 shadow-xs">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b text-[13px] text-muted-foreground">
                <th scope="col" className="py-1.5 font-medium">
                  Criterion
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  Interviewer
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  You
                </th>
              </tr>
            </thead>
            <tbody>
              {feedback.scores.questions.flatMap((question) =>
                question.criteria.map((criterion) => {
                  const self = feedback.selfAssessment?.ratings.find(
                    (rating) => rating.questionId === question.questionId && rating.criterion === criterion.criterion,
                  );
                  return (
                    <tr key={`${question.questionId}:${criterion.criterion}`} className="border-b">
                      <th scope="row" className="py-1.5 font-normal">
                        {criterion.title}
                      </th>
                      <td className="py-1.5 text-right">{criterion.rating === null ? "—" : ratingLabel(criterion.rating)}</td>
                      <td className="py-1.5 text-right text-muted-foreground">{self ? ratingLabel(self.level) : "—"}</td>
                    </tr>
                  );
                }),
              )}
              <tr className="font-semibold">
                <th scope="row" className="py-1.5">
                  Session score (1–4)
                </th>
                <td className="py-1.5 text-right tabular-nums">{score(feedback.scores.overall)}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
