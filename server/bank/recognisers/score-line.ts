import type { Recogniser } from "./recogniser";

const SCORE = /^\W*(?:(?:interview |example |sample |my )?(?:score|rating|scored|grade)\s*[:=\-–]?\s*)?(\d+(?:\.\d+)?)\s*(?:\/|out of|of)\s*(\d+)\b\W*(.*)$/i;

/** "9/10" under a score label, or "Score: 8.5/10", "**Score:** 8/10", "Score: 8/10 because …" anywhere in a question. */
export const recogniseScoreLine: Recogniser = (unit, ctx) => {
  if (unit.kind !== "line" || !ctx.inQuestion) return null;
  const m = SCORE.exec(unit.text);
  if (!m || (ctx.field !== "score" && !/^\W*(?:interview |example |sample |my )?(?:score|rating|scored|grade)\b/i.test(unit.text))) return null;
  const score = Number(m[1]);
  const outOf = Number(m[2]);
  if (!(outOf > 0) || score > outOf) return null;
  const reasons = (m[3] ?? "")
    .replace(/^(?:because|since|as|for|[-–—:(])\s*/i, "")
    .replace(/\)$/, "")
    .trim();
  return { type: "score", score, outOf, reasons: reasons === "" ? null : reasons };
};
