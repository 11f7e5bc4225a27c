import type { Recogniser } from "./recogniser";

const SCORE = /^(?:(?:interview |example |sample )?score\s*[:=\-–]?\s*)?(\d+(?:\.\d+)?)\s*\/\s*(\d+)\b/i;

/** "9/10" under a score label, or "Score: 8.5/10" anywhere in a question. */
export const recogniseScoreLine: Recogniser = (unit, ctx) => {
  if (unit.kind !== "line" || !ctx.inQuestion) return null;
  const m = SCORE.exec(unit.text);
  if (!m || (ctx.field !== "score" && !/^\W*(?:interview |example |sample )?score/i.test(unit.text))) return null;
  const score = Number(m[1]);
  const outOf = Number(m[2]);
  if (!(outOf > 0) || score > outOf) return null;
  return { type: "score", score, outOf };
};
