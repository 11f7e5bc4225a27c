import type { ListItem, Unit } from "../blocks";
import { plainInline, withoutEmoji } from "../inline-text";
import { CJK, fieldForLabel } from "./labels";

/** Where a unit's content goes inside the question being read. */
export type QuestionField = "body" | "answer" | "keyPoints" | "rubric" | "notes" | "redFlags" | "score" | "scoreReasons" | "framework" | "followUps";

export type MetaKey = "difficulty" | "role" | "level" | "companies" | "tags";

export interface ListedQuestion {
  prompt: string;
  answer: string | null;
  /** Questions nested under this one's entry ("- What is the hardest problem you solved?" / "  - How?"). */
  followUps?: string[];
  meta: Partial<Record<MetaKey, string>>;
  /** Notes for the interviewer listed beside the question (Markdown), e.g. the round it belongs to. */
  notes?: string[];
  /** Entries nested under the question's that name their part ("  - Red flag: …", "  - Look for: …"). */
  parts?: LabelledGroup[];
  /** How many lines below its list's first line the entry starts. */
  offset?: number;
}

/** The parts a bullet can name with its own label ("- Red flag: …"). */
export type LabelledItemField = Extract<QuestionField, "keyPoints" | "rubric" | "notes" | "redFlags" | "followUps">;

/** A run of a list's entries that go to one part; `field` null: entries without a label, which stay where the list is. */
export interface LabelledGroup {
  field: LabelledItemField | null;
  /** The entries without their label. */
  items: ListItem[];
}

/** What a recogniser says a unit is. `inline` is Markdown that followed a label on its line. */
export type Marker =
  /** `structural`: opened because it is a member of the document's repeating question unit (question-units.ts). */
  | { type: "question"; prompt: string; opener: "heading" | "label" | "details"; tentative: boolean; inline: string | null; structural?: true }
  | { type: "prompt"; prompt: string }
  | { type: "followUp"; prompt: string; inline: string | null }
  | { type: "followUpField"; field: "answer" | "lookFor"; inline: string | null }
  | { type: "field"; field: QuestionField; inline: string | null }
  /** "**Example 1:**": an example of what the question is in (its statement or its answer); the line stays in it. */
  | { type: "examples" }
  | { type: "meta"; values: Partial<Record<MetaKey, string>> }
  /** `reasons`: what followed the score on its line ("8/10 because …"). */
  | { type: "score"; score: number; outOf: number; reasons: string | null }
  | { type: "questions"; items: ListedQuestion[] }
  | { type: "labelledItems"; groups: LabelledGroup[] }
  | { type: "end" };

/** What the assembler knows when it asks; recognisers read it, never change it. */
export interface RecogniserContext {
  inQuestion: boolean;
  /** What opened the open question: a heading, a label line ("Q: …"), a `<details>` summary or a topic heading. */
  openedBy?: "heading" | "label" | "details" | "topic" | null;
  /** The open question came from a heading and has no answer of its own yet. */
  headingQuestionAwaitingAnswer: boolean;
  /** The open question already collected follow-ups. */
  hasFollowUps: boolean;
  inFollowUp: boolean;
  field: QuestionField;
  /** The unit after this one, for layouts where what follows decides ("1) Why?" then "Ans:"). */
  next: Unit | null;
  /** The innermost section heading the unit sits under, as plain text. */
  section: string | null;
  /** Every section heading the unit sits under, outermost first (the document's title among them). */
  sectionPath?: readonly string[];
  /** The innermost section heading is a step or section over lists of questions (question-units.ts). */
  overQuestions?: boolean;
}

/** One document layout feature; returns null when the unit is not its business. */
export type Recogniser = (unit: Unit, ctx: RecogniserContext) => Marker | null;

/** A label as written, reduced to what the label tables match: "**1. Key Points:**" → "key points". */
/** "Answer (EN)", "Ответ (RU)": a bilingual document tags each label with its language's code. */
const LANGUAGE_TAG = /\((?:[A-Za-z]{2}|[A-Za-z]{2}-[A-Za-z]{2})\)$/;

/** The label without its language tag. The tag is found at the end, then the spaces before it trimmed: a pattern
 * "spaces, then the tag" was tried from every space of a long run ("What is it_ _ _ …" loses its underscores). */
function withoutLanguageTag(label: string): string {
  const tag = LANGUAGE_TAG.exec(label);
  if (!tag || !/\s$/.test(label.slice(0, tag.index))) return label;
  return label.slice(0, tag.index).trimEnd();
}

export function labelText(text: string): string {
  return withoutLanguageTag(
    withoutEmoji(text)
      .replace(/[\u2010-\u2015]/g, "-")
      .replace(/[’‘]/g, "'")
      .replace(/^(?:\d{1,2}[.)]|[A-Z][.)]|#+)\s+/, "")
      .replace(/[*_]/g, "")
      .trim()
      .replace(/[:：]$/, "")
      .trim(),
  ).toLowerCase();
}

/** Splits "Label: rest" at the first colon when the label part is short. */
export function splitLabel(text: string): { label: string; rest: string } | null {
  const m = /^([^:：]{1,60}?)\s*[:：]\s*(.*)$/.exec(text);
  if (!m?.[1]) return null;
  return { label: labelText(m[1]), rest: (m[2] ?? "").trim() };
}

/** The Markdown after the first colon of a line ("**Answer:** text" → "text"), or null. */
export function inlineAfterLabel(md: string): string | null {
  // The label's emphasis closes after its colon ("**Answer:** text", "*Answer:* text"): a marker that a space
  // follows closes, never opens.
  const m = /^[^:：]*?[:：]\s*(?:(?:\*\*|__)|[*_](?=\s))?\s*([\s\S]*)$/.exec(md);
  const rest = m?.[1]?.trim() ?? "";
  return rest === "" ? null : rest;
}

/** "-> Follow-up: …", "→ Red flag: …": an arrow marks the line as a bullet would. */
const LEADING_ARROW = /^\s*(?:-+>|=+>|[→⇒↳»➜➔])\s*/;

/**
 * Emoji written in place of a label at the start of a line: "❓ What is X?", "❌ What a weak answer says", "🚩 …".
 * A check mark is not one: it marks the answer in some notes and a green flag in others ("**Green flags:**" over "✅ …").
 */
const EMOJI_LABELS: readonly { emoji: RegExp; label: string }[] = [
  { emoji: /^[❓❔]\uFE0F?\s*/u, label: "Q" },
  { emoji: /^(?:❌|🚩|⛔|✖\uFE0F?)\s*/u, label: "Red flag" },
];

/**
 * A line's marks as the label they stand for: the arrow goes ("-> Q: …" is "Q: …"), and an emoji that stands for
 * a label becomes it ("❌ Fetching in render" is "Red flag: Fetching in render"). One followed by a label of its
 * own ("❌ Bad answer: …") only decorates it.
 */
export function marksAsLabel(text: string): string {
  const line = text.replace(LEADING_ARROW, "");
  for (const { emoji, label } of EMOJI_LABELS) {
    const rest = line.replace(emoji, "");
    if (rest === line) continue;
    return fieldForLabel(splitLabel(plainInline(rest))?.label ?? "") !== null ? rest : `${label}: ${rest}`;
  }
  return line;
}

/** The unit's single text when it can carry a label: a heading, a line, or a one-item list. */
export function labelCarrier(unit: Unit): { text: string; md: string; strict: boolean } | null {
  if (unit.kind === "heading") return { text: unit.text, md: unit.md.replace(/^#+\s*/, ""), strict: false };
  if (unit.kind === "line") return { text: marksAsLabel(unit.text), md: marksAsLabel(unit.md), strict: true };
  if (unit.kind === "list" && unit.items.length === 1 && unit.items[0]?.children.length === 0 && unit.items[0].lines.length === 1) {
    return { text: unit.items[0].text, md: unit.items[0].md, strict: false };
  }
  return null;
}

const IMPERATIVE =
  /^(?:design|implement|explain|describe|walk (?:me|us) through|tell (?:me|us)|write|compare|build|debug|define|discuss|list|name|give|estimate|calculate|contrast|differentiate|outline|propose|defend|find|fix|diagnose|optimi[sz]e|model|sketch|reverse|detect|solve|create|check|update|delete|get|run|keep|change|add|remove|print|make|deploy|configure|scale|expose|verify|convert|count|sort|merge|return|generate|parse|guess|predict|identify|determine|decide|evaluate|analy[sz]e|prove|show|state|illustrate|summari[sz]e|rewrite|refactor|troubleshoot|recommend|suggest|choose|translate|draw|demonstrate|justify|share|provide (?:an? |some |one )?examples?|talk (?:me |us )?(?:about|through)|(?:recall|think (?:of|about)|remember) (?:a|an|the) (?:time|situation|project|moment))\b/i;

/** Chinese asks with a leading verb or question word: "请实现…", "说说…", "如何…", "为什么…". */
const CJK_ASKING =
  /^(?:请|用|使用|实现|写|编写|手写|说说|说下|说一说|说出|谈谈|讲讲|介绍|阐述|分析|解释|举例|列举|描述|简述|比较|区分|如何|怎么|怎样|为什么|为何|什么是|是否)\S/;

/**
 * Chinese also asks mid-sentence, with or without "？": "A-not-A" and question words after the subject
 * ("Arthas 能否跟踪 native 函数", "Arthas 能不能离线使用", "Arthas 怎么使用指定版本"), or a final "吗"/"呢".
 */
const CHINESE_ASKING_INSIDE =
  /[\u3400-\u9fff\w]\s*(?:能否|能不能|可否|可不可以|是不是|有没有|会不会|要不要|怎么|怎样|(?<!无论)如何|为什么|为何)|[\u3400-\u9fff][吗呢][。.]?$/;

/**
 * Korean asks in its verb ending, with or without a question mark: "교착상태란 무엇인가", "왜 필요한가",
 * "어떻게 동작하나요", "무엇입니까", "사용할까".
 */
// A request ("설명해 주세요", "please explain") asks as the question endings do.
const KOREAN_ASKING =
  /[\uac00-\ud7a3]\s?(?:인가|는가|은가|던가|나요|가요|까요|니까|을까|할까|일까|는지|은지|주세요|주십시오|하시오|하세요|하십시오|하라|보세요|보시오)[.。]?$/;

/**
 * English asks in its word order, even where the question mark was left off: a question word and the
 * verb it inverts ("What is meant by …", "What's the minimum …", "How do you manage … .", "How would you …"), and a
 * FAQ's "How to define the breaks", a question without its subject.
 */
const INTERROGATIVE =
  /^(?:(?:what|how|why|when|where|which|who)(?:['’]s\s|\s+(?:is|are|was|were|do|does|did|can|could|would|should|will|has|have|had)\s)|how to\s+\p{L})/iu;

/**
 * Japanese asks in its sentence ending, with or without "？": "…ですか", "…ますか", "…でしょうか", "成長できるか",
 * or with a request: "…を教えてください", "…を説明してください", "自己紹介をお願いします".
 */
const JAPANESE_ASKING =
  /[\u3040-\u30ff\u3400-\u9fff](?:ですか|ますか|でしょうか|ませんか|るか|たか|(?:教え|説明し|述べ|挙げ|書い)てください|(?:説明|述べ|答え|比較)(?:せよ|なさい)|お願い(?:します|いたします|できますか))[。.]?$/;

/**
 * German, French, Portuguese, Spanish and Italian ask with an imperative ("Erklären Sie …", "Décrivez …",
 * "Descreva …", "Cuéntame …", "Spiega …") or a question word and its verb ("Was ist …", "Qu'est-ce que …",
 * "O que é …", "Qué es …", "Cos'è …"), with or without a question mark.
 */
const OTHER_LANGUAGES_ASKING = new RegExp(
  [
    "^(?:erkläre|erklären sie|beschreibe|beschreiben sie|erzähle|erzählen sie|nenne|nennen sie|vergleiche|vergleichen sie)\\s",
    "^(?:was|wie|warum|wann|wo|welche[rsnm]?|wer)\\s+(?:ist|sind|war|waren|kann|können|kannst|würdest|würden|sollte|sollten|hat|haben|gibt|bedeutet|funktioniert)\\s",
    "^(?:expliquez|explique|décrivez|décris|citez|comparez|parlez|qu['’]est-ce|pourquoi|quel(?:le)?s? (?:est|sont)|comment (?:fonctionne|faire|peut))\\s",
    "^(?:descreva|fale|cite|diga|o que (?:é|são)|por que|qual (?:é|a)|quais (?:são|as)|como (?:funciona|você))\\s",
    "^(?:explica|menciona|cuéntame|nombra|qué (?:es|son)|por qué|cuál (?:es|era)|cómo (?:funciona|se))\\s",
    "^(?:spiega|descrivi|parlami|elenca|confronta|cos['’]è|che cos['’]è|cosa (?:è|sono)|qual è|come (?:funziona|si))\\s",
    "^(?:расскажите|расскажи|объясните|объясни|опишите|опиши|назовите|назови|сравните|сравни|перечислите|приведите|что такое|как (?:работает|работают|устроен[аоы]?)|почему|зачем|чем (?:отличается|отличаются)|в ч[её]м разница)\\s",
    "^(?:wyjaśnij|opisz|opowiedz|porównaj|wymień|czym (?:jest|są)|co to jest|dlaczego|jak działa)\\s",
    "^(?:leg uit|beschrijf|vertel|noem|vergelijk|wat (?:is|zijn)|hoe werkt|waarom)\\s",
    "^(?:kể|hãy|giải thích|mô tả|trình bày|so sánh|nêu|tại sao|vì sao|làm thế nào|làm sao|thế nào là)\\s",
    "^(?:açıklayın|açıkla|anlatın|anlat|tanımlayın|karşılaştırın|neden|niçin)\\s",
  ].join("|"),
  "i",
);

/**
 * Vietnamese and Turkish also ask at the end: "Closure là gì", "… hoạt động như thế nào"; "JVM nedir", "… nasıl
 * çalışır", "… farkı açıklayın", "… anlat", "… var mı".
 */
const ASKING_AT_THE_END =
  /\s(?:là gì|là sao|thế nào|như thế nào|ra sao|nedir|nelerdir|nasıl çalışır|açıklayın|açıkla|anlatın|anlat|anlatır mısın|karşılaştırın|tanımlayın|mı|mü|m[ıiuü]s[ıiuü]n(?:[ıi]z)?|m[ıiuü]d[ıiuü]r)[.!]?$/i;

const CLOSES_QUESTION = new Set(['"', "”", "'", "’", ")"]);

/** Ends on a question mark ("?" or the full-width "？") before `end`, maybe closed by quotes or a bracket ("Why?”"). */
export function endsOnQuestionMark(text: string, end = text.length): boolean {
  let at = end;
  while (at > 0 && CLOSES_QUESTION.has(text.charAt(at - 1))) at--;
  const mark = text.charAt(at - 1);
  return mark === "?" || mark === "？";
}

/**
 * Ends with a question mark, maybe closed by quotes or a bracket and followed by a note in brackets on its last
 * line ("Why? (Hint: think of the cache.)"). Scanned by hand: as a pattern, the note was tried after every "?"
 * and was quadratic in a line of "?(".
 */
function endsAsking(text: string): boolean {
  if (endsOnQuestionMark(text)) return true;
  if (!text.endsWith(")")) return false;
  // Each walk back stops at the "(" before it, so all of them together read the line once.
  for (let open = text.indexOf("(", text.lastIndexOf("\n") + 1); open !== -1; open = text.indexOf("(", open + 1)) {
    let end = open;
    while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
    if (endsOnQuestionMark(text, end)) return true;
  }
  return false;
}

/** Reads like something an interviewer asks. */
export function isQuestionLike(text: string): boolean {
  // Chinese, Japanese and Korean ask with the full-width "？" and say as much in half the characters.
  const t = text
    .replace(/^["“'‘(]+/, "")
    .replaceAll("？", "? ")
    .trim();
  if (t.length < (CJK.test(t) ? 4 : 8)) return false;
  if (endsAsking(t) || /\?["”'’]?\s/.test(t)) return true;
  if (CJK_ASKING.test(t) || CHINESE_ASKING_INSIDE.test(t) || KOREAN_ASKING.test(t) || JAPANESE_ASKING.test(t)) return true;
  if (t.split(/\s+/).length < 3) return false;
  if (INTERROGATIVE.test(t) || OTHER_LANGUAGES_ASKING.test(t) || ASKING_AT_THE_END.test(t)) return true;
  // "Your database primary fails. Walk me through what happens." asks in its second sentence.
  // "Please share with us what … means to you." asks as politely as it asks.
  return t.split(/(?<=[.!:])\s+/).some((sentence) => IMPERATIVE.test(sentence.replace(/^["“'‘(]+/, "").replace(/^(?:please|kindly),?\s+/i, "")));
}

/**
 * "**What is a hash map?** A structure that maps keys …": a question set in bold with its answer after it on the
 * same line. Null unless the bold part ends asking and something that does not ask follows it.
 */
export function askedInBold(md: string): { asked: string; after: string } | null {
  // The separator is optional as a whole, so that a run of spaces after the bold is scanned once, not once a split;
  // the tail is [\s\S]*, as "." stops at a line separator (U+2028) and the failure would be retried at every "**".
  const m = /^\s*(\*\*|__)(.+?)\1(?:\s*[:：\-–—])?\s+(\S[\s\S]*)$/.exec(md);
  const [asked, after] = [m?.[2], m?.[3]];
  if (asked === undefined || after === undefined || !endsOnQuestionMark(asked.trim()) || isQuestionLike(after)) return null;
  return { asked: asked.trim(), after: after.trim() };
}

/** "Given an array nums and a target, return …": a problem statement sets its task after what it gives. */
const GIVEN = /^(?:given|for|using|with)\b/i;

/**
 * Reads like a question or a task set to the candidate, including a problem statement that starts with
 * what it gives ("Given a string s containing `(`, `)`, …, determine if …"): a clause after one of its commas sets the task.
 */
export function setsTask(text: string): boolean {
  if (isQuestionLike(text)) return true;
  return (
    GIVEN.test(text) &&
    text
      .split(/,\s+/)
      .slice(1)
      .some((clause) => isQuestionLike(clause))
  );
}

/** "Q: Is it fast? → A: Yes.", "vs HTML WebView? → Native performance.", "Q：…吗？→ A：…": a question, an arrow or an answer label, the answer. */
const ANSWERED_ON_LINE = /^(?:q\s*[:：]\s*)?([^?？]{1,500}[?？]["”»]?)\s*(?:(?:→|->|=>|—)\s*(?:a(?:nswer)?\s*[:：]\s*)?|a(?:nswer)?\s*[:：]\s*)(\S.*)$/i;

/** A question and its answer written on one line, or null. */
export function answeredOnLine(text: string): { asked: string; answer: string } | null {
  const m = ANSWERED_ON_LINE.exec(text);
  return m?.[1] === undefined || m[2] === undefined ? null : { asked: m[1], answer: m[2] };
}
