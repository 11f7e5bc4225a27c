import { z } from "zod";
import { findQuestion, legacyScoreSchema, type LegacyScore, type QuestionSnapshot, type RoomState } from "../room/room-state";
import { OVERALL_MAX, type Level } from "./scale";
import { changeScorecard, emptyScorecard, type Scorecard } from "./scorecard";

/**
 * Scores of the first cut: each criterion 0 to `outOf`, and the answer 0 to `outOf`. Rooms scored then
 * still replay their `scoreSet` events; each becomes a draft on the anchored scale, proportionally
 * (0 → 1 Missed, `outOf` → 4 Exceptional), for its scorer to review and submit.
 */
export function withLegacyScore(cards: readonly Scorecard[], score: LegacyScore, question: QuestionSnapshot | undefined, at: string): Scorecard[] {
  const existing = cards.find((card) => card.scorerId === score.scorerId);
  let card = existing ?? emptyScorecard(score.scorerId, at);
  score.criteria.forEach((entry) => {
    const criterion = question?.rubric.findIndex((candidate) => candidate.title === entry.title) ?? -1;
    if (criterion === -1) return;
    const rating = entry.score === null ? null : (Math.min(4, Math.max(1, 1 + Math.round((entry.score / score.outOf) * 3))) as Level);
    card = changeScorecard(
      card,
      { kind: "rating", questionId: score.questionId, rating: { criterion, title: entry.title, rating, comment: entry.comment, evidence: [] } },
      at,
      null,
    );
  });
  const overall = score.overall === null ? null : Math.min(OVERALL_MAX, Math.round((score.overall / score.outOf) * OVERALL_MAX));
  card = changeScorecard(card, { kind: "overall", questionId: score.questionId, overall, comment: score.comment }, at, null);
  return existing ? cards.map((known) => (known === existing ? card : known)) : [...cards, card];
}

const legacySnapshotSchema = z.object({ scores: z.array(legacyScoreSchema.extend({ updatedAt: z.string() })).optional() });

/** A room restored from a snapshot taken before scorecards: its scores become drafts, as their events would. */
export function withLegacySnapshotScores(state: RoomState, snapshot: unknown): RoomState {
  const legacy = legacySnapshotSchema.safeParse(snapshot);
  const scores = legacy.success ? (legacy.data.scores ?? []) : [];
  if (scores.length === 0 || state.scorecards.length > 0) return state;
  const scorecards = scores.reduce<Scorecard[]>(
    (cards, { updatedAt, ...score }) => withLegacyScore(cards, score, findQuestion(state, score.questionId), updatedAt),
    [],
  );
  return { ...state, scorecards };
}
