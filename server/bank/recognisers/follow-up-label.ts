import { unquote, withoutEmoji } from "../inline-text";
import type { Recogniser } from "./recogniser";

/** "**Follow-up Q:** …", "Follow-up: …", "**+1 Depth:** …", "Counter-question: …" */
const LABEL = /^(?:follow[\s-]?up(?:\s+(?:q|question))?\s*#?\d*|\+\d+\s+depth|counter[\s-]?question|f\/u)\s*[:.)]\s*(.*)$/i;

export const recogniseFollowUpLabel: Recogniser = (unit) => {
  if (unit.kind !== "line" && unit.kind !== "heading") return null;
  const m = LABEL.exec(withoutEmoji(unit.text).replace(/[\u2010-\u2015]/g, "-"));
  if (!m) return null;
  return { type: "followUp", prompt: unquote(m[1] ?? ""), inline: null };
};
