"use client";

import { Send } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { wallClock } from "@/components/room/format-time";
import { AutosaveText } from "@/components/room/scorecard/autosave-text";
import { FEEDBACK_MAX_LENGTH } from "@/server/domain/room/commands";
import type { ClientCommand, StaffView } from "@/server/domain/room";
import { LEVEL_NAMES } from "@/server/domain/scoring/scale";
import { criterionShownToCandidate } from "@/server/domain/scoring/follow-up-criteria";

/** Criteria of asked questions that repeat a follow-up the candidate was never shown, so released scores leave them out. */
function criteriaHiddenFromCandidate(view: StaffView): number {
  return view.questions
    .filter((question) => question.asked)
    .reduce((count, question) => {
      const reveals = question.followUps.flatMap((followUp) =>
        followUp.revealedAt ? [{ questionId: question.id, followUpId: followUp.id, revealedAt: followUp.revealedAt }] : [],
      );
      return count + question.rubric.filter((criterion) => !criterionShownToCandidate(question, criterion.title, reveals)).length;
    }, 0);
}

/**
 * Feedback for the candidate, written apart from every private note, and released when the interviewer
 * chooses: with the scores of their own submitted card, or without.
 */
export function FeedbackPanel({ view, run }: { view: StaffView; run: (command: ClientCommand) => Promise<boolean> }) {
  const { feedback, selfAssessment } = view.scoring;
  const [text, setText] = useState(feedback.draft);
  const [includeScores, setIncludeScores] = useState(true);
  const [releasing, setReleasing] = useState(false);
  const submitted = view.scoring.mine?.submittedAt != null;
  const hiddenCriteria = criteriaHiddenFromCandidate(view);
  const blocker =
    view.status !== "ended"
      ? "Feedback can be released once the interview has ended."
      : includeScores && !submitted
        ? "Submit your scorecard first to release scores with the feedback."
        : text.trim() === ""
          ? "Write the feedback first."
          : null;

  return (
    <section aria-labelledby="feedback-heading" className="grid gap-2 rounded-lg border p-3" data-testid="feedback-panel">
      <h3 id="feedback-heading" className="text-sm font-semibold">
        Feedback for the candidate
      </h3>
      <p className="text-xs text-muted-foreground">The candidate sees only what you release: never your notes, nor anyone&rsquo;s scorecard.</p>
      <AutosaveText
        label="Feedback"
        value={feedback.draft}
        rows={5}
        maxLength={FEEDBACK_MAX_LENGTH}
        onTextChange={setText}
        onSave={(draft) => run({ type: "draftFeedback", text: draft })}
      />
      <label className="flex items-center gap-2 text-[13px]">
        <input type="checkbox" className="accent-primary" checked={includeScores} onChange={(event) => setIncludeScores(event.target.checked)} />
        Release my scores with it
      </label>
      {includeScores && hiddenCriteria > 0 ? (
        <p className="text-xs text-muted-foreground" data-testid="hidden-criteria">
          {hiddenCriteria === 1 ? "1 criterion repeats" : `${hiddenCriteria} criteria repeat`} a follow-up you did not reveal: the candidate will not see{" "}
          {hiddenCriteria === 1 ? "it" : "them"} (the levels still count in the scores).
        </p>
      ) : null}
      {blocker ? <p className="text-xs text-muted-foreground">{blocker}</p> : null}
      <Button
        size="sm"
        className="justify-self-start"
        disabled={blocker !== null}
        loading={releasing}
        onClick={async () => {
          setReleasing(true);
          // The text as typed, even if its autosave is still waiting for the pause.
          await run({ type: "releaseFeedback", text: text.trim(), includeScores });
          setReleasing(false);
        }}
      >
        <Send aria-hidden />
        {feedback.released ? "Release again" : "Release to the candidate"}
      </Button>
      {feedback.released ? (
        <p className="text-xs text-muted-foreground" data-testid="feedback-released">
          Released at {wallClock(feedback.released.releasedAt)}, {feedback.released.scores ? "with your scores" : "without scores"}.
          {selfAssessment
            ? selfAssessment.ratings.length > 0
              ? ` The candidate rated themselves: ${selfAssessment.ratings.map((rating) => `${rating.level} ${LEVEL_NAMES[rating.level]}`).join(", ")}.`
              : " The candidate chose not to rate themselves."
            : ""}
        </p>
      ) : null}
    </section>
  );
}
