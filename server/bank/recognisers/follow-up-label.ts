import { unquote, withoutEmoji } from "../inline-text";
import { FOLLOW_UP_LINE } from "./labels";
import type { Recogniser } from "./recogniser";
import { answeredOnLine } from "./recogniser";

export const recogniseFollowUpLabel: Recogniser = (unit, ctx) => {
  // Every spelling names a follow-up, a depth, a counter-question or "F/U": most lines say none of them.
  if ((unit.kind !== "line" && unit.kind !== "heading") || !FOLLOW_UP_WORD.test(unit.text)) return null;
  const m = FOLLOW_UP_LINE.exec(withoutEmoji(unit.text).replace(/[\u2010-\u2015]/g, "-"));
  if (!m) return null;
  const rest = (m[1] ?? "").trim();
  // "**Follow-up:**" alone over a list: the list's entries are the follow-ups, as under "**Follow-ups:**".
  if (rest === "" && ctx.next?.kind === "list") return { type: "field", field: "followUps", inline: null };
  // "**Follow-up:** vs HTML WebView? → Native performance.": the follow-up and its answer.
  const answered = answeredOnLine(rest);
  return answered
    ? { type: "followUp", prompt: unquote(answered.asked), inline: unquote(answered.answer) }
    : { type: "followUp", prompt: unquote(rest), inline: null };
};

/** Words every follow-up label holds one of ("Follow-up", "+1 Depth", "Counter-question", "F/U", "Repregunta", "Nachfrage"). */
const FOLLOW_UP_WORD = /follow|depth|counter|f\/u|repregunta|seguimiento|nachfrage|suivi|acompanhamento|уточняющ/i;
