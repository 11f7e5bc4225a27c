import { unquote, withoutEmoji } from "../inline-text";
import { FOLLOW_UP_LINE } from "./labels";
import type { Recogniser } from "./recogniser";

export const recogniseFollowUpLabel: Recogniser = (unit) => {
  // Every spelling names a follow-up, a depth, a counter-question or "F/U": most lines say none of them.
  if ((unit.kind !== "line" && unit.kind !== "heading") || !/follow|depth|counter|f\/u/i.test(unit.text)) return null;
  const m = FOLLOW_UP_LINE.exec(withoutEmoji(unit.text).replace(/[\u2010-\u2015]/g, "-"));
  if (!m) return null;
  return { type: "followUp", prompt: unquote(m[1] ?? ""), inline: null };
};
