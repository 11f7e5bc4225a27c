import { LEVEL_NAMES, NO_EVIDENCE } from "@/server/domain/scoring/scale";
import type { PeerSessionOutput } from "@/server/api/routers/practice/session.schema";

type Feedback = NonNullable<PeerSessionOutput["given"]>;

function ratingLabel(rating: Feedback["criteria"][number]["rating"]): string {
  return rating === NO_EVIDENCE ? "Not seen" : `${rating} · ${LEVEL_NAMES[rating]}`;
}

/** One peer's feedback, as written. */
export function PeerFeedbackCard({ feedback, testId }: { feedback: Feedback; testId: string }) {
  return (
    <dl className="grid gap-4 text-sm" data-testid={testId}>
      {feedback.criteria.length > 0 ? (
        <div className="grid gap-1.5">
          <dt className="font-medium">The question&apos;s criteria</dt>
          {feedback.criteria.map((criterion, index) => (
            <dd key={index} className="flex justify-between gap-4 border-b py-1 last:border-0">
              <span>{criterion.title}</span>
              <span className="shrink-0 font-medium tabular-nums">{ratingLabel(criterion.rating)}</span>
            </dd>
          ))}
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-4">
        <div>
          <dt className="text-muted-foreground">Communication</dt>
          <dd className="text-base font-semibold tabular-nums">{feedback.communication} / 5</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Problem solving</dt>
          <dd className="text-base font-semibold tabular-nums">{feedback.problemSolving} / 5</dd>
        </div>
      </div>
      <div>
        <dt className="text-muted-foreground">Strengths</dt>
        <dd className="whitespace-pre-wrap">{feedback.strengths}</dd>
      </div>
      <div>
        <dt className="text-muted-foreground">One thing to improve</dt>
        <dd className="whitespace-pre-wrap">{feedback.improve}</dd>
      </div>
    </dl>
  );
}
