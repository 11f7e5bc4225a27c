import { unquote, withoutEmoji } from "../inline-text";
import { FOLLOW_UP_LINE } from "./labels";
import type { Recogniser } from "./recogniser";

export const recogniseFollowUpLabel: Recogniser = (unit) => {
  if (unit.kind !== "line" && unit.kind !== "heading") return null;
  const m = FOLLOW_UP_LINE.exec(withoutEmoji(unit.text).replace(/[\u2010-\u2015]/g, "-"));
  if (!m) return null;
  return { type: "followUp", prompt: unquote(m[1] ?? ""), inline: null };
};
