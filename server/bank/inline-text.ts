/**
 * Single-line helpers: turn one line of Markdown into the plain text that labels and prompts are
 * matched against and stored as. They never see more than one line, so the regexes stay small.
 */

const ASCII = /^[\x00-\x7f]*$/;
const SHORTCODE = /(?<![\w:]):[a-z0-9_+-]{2,40}:(?![\w:])/g;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{20E3}\u{200D}]/gu;

/**
 * Markdown emphasis, code ticks, links and inline HTML removed; whitespace collapsed. Called for
 * every line of a document, so each pattern runs only on lines holding the character it needs.
 */
export function plainInline(md: string): string {
  let s = md.includes("`") ? withoutMarkupAroundCode(md) : withoutMarkup(md);
  if (s.includes("`")) s = s.replace(/`+([^`]*)`+/g, "$1");
  if (s.includes("\\")) s = s.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
  return s.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * Code spans keep their characters ("`__init__`", "`<header>`"), so markup is read around them; each stands in as
 * one private-use character meanwhile, so that bold around one ("**Can I change `const`?**") is still a pair.
 */
function withoutMarkupAroundCode(md: string): string {
  const spans: string[] = [];
  const masked = md
    .split(/(`+[^`]*`+)/)
    .map((part, n) => (n % 2 === 1 ? `\uE000${spans.push(part) - 1}\uE001` : part.replace(/[\uE000\uE001]/g, "")))
    .join("");
  return withoutMarkup(masked).replace(/\uE000(\d+)\uE001/g, (_, i: string) => spans[Number(i)] ?? "");
}

/** Tags that sit inside a sentence ("<code>TIME_WAIT</code>. Your") leave nothing; others leave a space. */
const INLINE_TAG = /<\/?(?:code|kbd|samp|var|b|strong|i|em|u|s|del|ins|mark|small|sub|sup|span|a|abbr|cite|q|tt)\b[^>]{0,500}>/gi;

/**
 * Tags READMEs lay text out with. Others stay, because they are what the text is about ("multiple
 * <header> elements", "Map<String, Object>") once a code span's backticks are gone.
 */
const LAYOUT_TAG =
  /<\/?(?:p|div|br|hr|img|font|center|details|summary|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|pre|blockquote|figure|figcaption|picture|source|big|nobr|wbr)\b[^>]{0,500}>/gi;

/** Links, images, tags and emphasis removed from Markdown outside code spans. */
function withoutMarkup(part: string): string {
  let s = part;
  if (s.includes("[")) s = s.replace(/!\[([^\]]{0,200})\]\([^)\s]{0,300}\)/g, "$1").replace(/\[([^\]]{1,200})\]\([^)\s]{0,300}(?:\s+"[^"]{0,200}")?\)/g, "$1");
  if (s.includes("<")) s = s.replace(INLINE_TAG, "").replace(LAYOUT_TAG, " ");
  if (s.includes("*") || s.includes("_")) s = withoutEmphasis(s);
  return s;
}

/** Strong emphasis and single-character emphasis removed. */
function withoutEmphasis(s: string): string {
  // An unpaired "**" is a character ("**kwargs"); a dangling one at either end is a broken bold.
  return s
    .replace(/(\*\*|__)(?=\S)(.{0,500}?\S)\1/g, "$2")
    .replace(/^(?:\*\*|__)|(?:\*\*|__)\s*$/g, "")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,:;!?])/g, "$1$2");
}

/** Plain text without emoji and keycaps ("1️⃣ Reconciliation" → "1 Reconciliation"). */
const KEYCAP = /[0-9#*]\uFE0F?\u20E3/g;

export function withoutEmoji(text: string): string {
  // Emoji are never ASCII; most lines are. GitHub's ":rocket:" shortcodes are ASCII.
  // A keycap ("1️⃣") numbers what follows as "1." does: the digit goes with its cap.
  let kept = ASCII.test(text) ? text : text.replace(KEYCAP, "").replace(EMOJI, "");
  if (kept.includes(":")) kept = kept.replace(SHORTCODE, " ");
  return kept.replace(/\s+/g, " ").trim();
}

// German opens with „ and closes with “; French quotes with « ».
const OPENING_QUOTES = new Set(`"“”'‘„«*_`);
const CLOSING_QUOTES = new Set(`"“”'’»*_`);

/** Strips the quotes a whole prompt is wrapped in: “Design a system” → Design a system. */
export function unquote(text: string): string {
  // Counted rather than matched: a pattern with a run on each side backtracks cubically on a line of quotes.
  const t = text.trim();
  let start = 0;
  while (start < t.length && OPENING_QUOTES.has(t.charAt(start))) start++;
  let end = t.length;
  while (end > start + 1 && CLOSING_QUOTES.has(t.charAt(end - 1))) end--;
  if (start === 0 || end === t.length || end <= start) return t;
  return t.slice(start, end).trim();
}

/** A sentence that is one quotation ("“Walk me through your last outage.”"): what the interviewer says, word for word. */
export const isQuotedWhole = (text: string): boolean => /^["“][^"“”]+["”]$/.test(text.trim());

/** `text` without the run of `chars` at its end (what `/[chars]+$/` removes, in one pass). */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * A line that is nothing but a link ("[Two Sum](https://…)", with an optional title, trailing punctuation
 * or "(video)"): its text, or null. Bounded, so a long line costs one pass.
 */
const LONE_LINK = /^\s*\[([^\]]{1,300})\]\([^)\s]{1,1000}(?:\s+"[^"]{0,200}")?\)[.,;:–—-]*(?:\s+\([^)]{0,200}\))?$/;

export function loneLinkText(line: string): string | null {
  return LONE_LINK.exec(line.trimEnd())?.[1] ?? null;
}

/** At most `length` UTF-16 units, never ending in half a surrogate pair (which PostgreSQL refuses). */
export function sliceText(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/**
 * Sentence case for shouted titles ("STATE RECOVERY" → "State recovery"). Short all-capital words
 * without vowels, or well-known ones, are acronyms and stay ("ONLINE DDL" → "Online DDL").
 */
const ACRONYMS = new Set(
  "api apis json aws gcp id ids io ui ux url uri orm acid cpu gpu ram os ip ips db dbs sla slo sli ci cd etl olap oltp rest cap ai ml eos ha lru lfu tls ssl iam jvm jwt ttl sdk cdn oauth dns vpc k8s".split(
    " ",
  ),
);

export function sentenceCase(title: string): string {
  if (/[a-z]/.test(title)) return title;
  const words = title.split(/(\s+)/).map((w) => {
    const bare = w.replace(/[^A-Za-z0-9]/g, "");
    if (bare === "") return w;
    const lower = bare.toLowerCase();
    if (ACRONYMS.has(lower) || (bare.length <= 5 && !/[AEIOUY]/.test(bare))) return w;
    return w.toLowerCase();
  });
  return words.join("").replace(/[a-z]/, (c) => c.toUpperCase());
}

/** "Title: rest" / "**Title**: rest" / "Title - rest" split into two, when the title is short. */
export function splitTitled(text: string): { title: string; rest: string } | null {
  const m = /^([^:]{2,80}?)\s*(?::|\s[-–—]\s)\s*(.+)$/.exec(text);
  if (!m?.[1] || !m[2]) return null;
  if (m[1].split(/\s+/).length > 8) return null;
  return { title: m[1].trim(), rest: m[2].trim() };
}
