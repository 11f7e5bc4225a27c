import type { RubricCriterion } from "./bank-format";
import { isFenceLine, type ListItem, type Unit } from "./blocks";
import { plainInline, sentenceCase, splitTitled, withoutEmoji } from "./inline-text";

/**
 * Turns the units under a label into what the bank stores: a flat list of points, or rubric
 * criteria. Prep documents write the same structure as Markdown lists, "•" lines, or an outline
 * inside a code block ("1. STATE RECOVERY" / "   • Use Redis"), so each shape is read here.
 */

// A dash that starts a word ("-h or --help") is not a bullet.
const BULLET_LINE = /^\s*(?:[•●▪◦◆✓✗✔✘🚩❌✅⚠️]+\s*|-{1,2}(?=\s)\s*|[*+–](?=\s)\s*|\d{1,2}[.)]\s*|[A-Za-z][.)]\s+)/u;

function cleanItem(text: string): string {
  return withoutEmoji(plainInline(text).replace(BULLET_LINE, ""))
    .replace(/^["“](.*)["”]$/, "$1")
    .trim();
}

function itemText(item: ListItem): string {
  return cleanItem(item.lines.map((l) => plainInline(l)).join(" "));
}

/** The units extractItems reads points from; a table under "Red flags:" is not read as points. */
export function yieldsItems(unit: Unit): boolean {
  return unit.kind === "list" || unit.kind === "line" || unit.kind === "quote" || unit.kind === "code";
}

/** Every point under a label, in order, one string each; tables are skipped. */
export function extractItems(units: readonly Unit[]): string[] {
  const out: string[] = [];
  for (const u of units) {
    if (u.kind === "list") {
      for (const item of u.items) {
        out.push(itemText(item));
        for (const child of item.children) out.push(itemText(child));
      }
    } else if (u.kind === "line" || u.kind === "quote") {
      out.push(cleanItem(u.text));
    } else if (u.kind === "code") {
      for (const node of parseOutline(u.value)) out.push(node.title, ...node.points);
    }
  }
  return out.filter((s) => s !== "");
}

/** A phrase of an inline list is short; a longer piece is a clause of a sentence. */
const MAX_PHRASE_WORDS = 6;
/** A piece that starts so is a clause of the sentence before it ("…, but only for reads"). */
const CLAUSE_START = /^(?:but|which|that|so|because|although|though|if|when|while|unless|as)\b/i;

/**
 * A labelled part's items, with a list written inline on its label's line split into its phrases ("**Key
 * points:** lookup speed, write cost, selectivity"): short pieces between commas or semicolons, none a clause
 * and none a sentence, the first no longer than the others ("doesn't mention latency, throughput, or cost" is one).
 */
export function labelledItems(units: readonly Unit[]): string[] {
  return units.flatMap((unit) => {
    const items = extractItems([unit]);
    const [item] = items;
    if (unit.kind !== "line" || items.length !== 1 || item === undefined) return items;
    const pieces = item.split(/[,;]\s+/).map((p) =>
      p
        .replace(/^(?:and|or)\s+/i, "")
        .replace(/[.;]$/, "")
        .trim(),
    );
    const words = pieces.map((p) => p.split(/\s+/).length);
    const phrases =
      pieces.length >= 2 &&
      pieces.every((p, n) => p !== "" && (words[n] ?? 0) <= MAX_PHRASE_WORDS && !/[.!?]\s/.test(p) && !CLAUSE_START.test(p)) &&
      (words[0] ?? 0) <= Math.max(...words.slice(1)) + 1;
    return phrases ? pieces : items;
  });
}

interface OutlineNode {
  title: string;
  points: string[];
}

const NUMBERED = /^(?:\d{1,2}[.)]|[A-Z][.)])\s+(\S.*)$/;
const SHOUTED = /^[^a-z]*[A-Z]{2}[^a-z]*$/;
const CAPS_HEAD = /^([A-Z][A-Z0-9 &/'-]{2,}[A-Z)])(?:\s*\([^)]*\))?\s*:?\s*$/;
const COLON_HEAD = /^([A-Z][\w &/()'-]{2,48}):$/;
const MAX_POINTS = 6;

type HeadStyle = (line: string) => string | undefined;

/** The outline's own title style, most specific first: "1. STATE RECOVERY", "IMMEDIATE:", "1. Step". */
function headStyle(trimmed: string[]): HeadStyle | null {
  const numberedCaps: HeadStyle = (t) => {
    const m = NUMBERED.exec(t)?.[1];
    return m !== undefined && SHOUTED.test(m) && /^\d/.test(t) ? m : undefined;
  };
  const titled: HeadStyle = (t) => CAPS_HEAD.exec(t)?.[1] ?? COLON_HEAD.exec(t)?.[1];
  const numbered: HeadStyle = (t) => (/^\d/.test(t) ? NUMBERED.exec(t)?.[1] : undefined);
  for (const style of [numberedCaps, titled, numbered]) if (trimmed.filter((t) => style(t) !== undefined).length >= 2) return style;
  return null;
}

/**
 * Reads a plain-text outline such as a "Key Points to Cover" code block. Top-level titles (at the
 * smallest indentation, in the outline's own style) are nodes; their points are the lettered
 * sub-titles under them ("A. SPLIT BRAIN") when there are any, else their bullets, else their
 * other lines. A flat numbered list is not an outline: nothing is returned for it.
 */
export function parseOutline(code: string): OutlineNode[] {
  const lines = code.split("\n").filter((l) => /[A-Za-z]/.test(l));
  const style = headStyle(lines.map((l) => l.trim()));
  if (!style) return [];
  const indentOf = (l: string) => /^\s*/.exec(l)?.[0].length ?? 0;
  const base = Math.min(...lines.filter((l) => style(l.trim()) !== undefined).map(indentOf));
  const nodes: { title: string; sub: string[]; bullets: string[]; other: string[] }[] = [];
  for (const line of lines) {
    const t = line.trim();
    const indent = indentOf(line);
    const head = indent === base ? style(t) : undefined;
    if (head !== undefined) {
      nodes.push({ title: sentenceCase(head.replace(/:$/, "").trim()), sub: [], bullets: [], other: [] });
      continue;
    }
    const node = nodes.at(-1);
    if (!node) continue;
    const sub = indent > base ? /^[A-Z][.)]\s+(\S.*)$/.exec(t)?.[1] : undefined;
    if (sub) node.sub.push(sentenceCase(sub));
    else if (/^[•●▪◦\-*–]\s/u.test(t)) node.bullets.push(cleanItem(t));
    else node.other.push(cleanItem(t));
  }
  const parsed = nodes.map((n) => ({
    title: n.title,
    points: (n.sub.length > 0 ? n.sub : n.bullets.length > 0 ? n.bullets : n.other).filter((p) => p !== "").slice(0, MAX_POINTS),
  }));
  if (!parsed.some((n) => n.points.length > 0)) return [];
  return parsed.filter((n) => n.points.length > 0);
}

/** The units extractCriteria reads; prose between them describes the criteria rather than being one. */
export function carriesCriteria(unit: Unit): boolean {
  return unit.kind === "list" || unit.kind === "code" || (unit.kind === "line" && BULLET_LINE.test(unit.text));
}

/** A look-for is a sentence or two; a longer paragraph under a rubric's label is left to the report. */
const MAX_LOOK_FOR_CHARS = 300;

/**
 * The units under a rubric's label that state its criteria: its points (lists, bullet lines, an outline); or, where
 * it has none, its sentences ("**What they look for:**" / "Whether you understand quotas."), each a look-for. Beside
 * points, a sentence introduces or sums them up ("This question tests several competencies:") and is left to the report.
 */
export function criteriaUnits(units: readonly Unit[]): Unit[] {
  const points = units.filter(carriesCriteria);
  return points.length > 0 ? points : units.filter((u) => u.kind === "line" && u.text.length <= MAX_LOOK_FOR_CHARS);
}

/**
 * Rubric criteria written under a label. Lists of "Title: description" items give one criterion
 * each; an outline gives one per top-level title; anything else becomes one criterion named after
 * the label with the points as what to look for.
 */
export function extractCriteria(
  units: readonly Unit[],
  fallbackTitle: string,
  carriers: (units: readonly Unit[]) => Unit[] = (all) => all.filter(carriesCriteria),
): RubricCriterion[] {
  const criteria: RubricCriterion[] = [];
  const loose: string[] = [];
  for (const u of carriers(units)) {
    if (u.kind === "code") {
      const outline = parseOutline(u.value);
      if (outline.length > 0) criteria.push(...outline.map((n) => ({ title: n.title, lookFor: n.points })));
      continue;
    }
    if (u.kind === "list") {
      for (const item of u.items) {
        const text = itemText(item);
        const titled = splitTitled(text);
        if (item.children.length > 0) criteria.push({ title: text, lookFor: item.children.map(itemText) });
        else if (titled) criteria.push({ title: titled.title, lookFor: [titled.rest] });
        else loose.push(text);
      }
      continue;
    }
    if (u.kind === "line") {
      const text = cleanItem(u.text);
      const titled = splitTitled(text);
      if (titled) criteria.push({ title: titled.title, lookFor: [titled.rest] });
      else loose.push(text);
    }
  }
  if (loose.length > 0) criteria.push({ title: fallbackTitle, lookFor: loose });
  return criteria.map((c) => ({ title: c.title.replace(/[:.\s]+$/, ""), lookFor: c.lookFor.filter((s) => s !== "") })).filter((c) => c.title !== "");
}

/** The first sentences of a Markdown answer, for when nothing better describes it. */
export function firstSentences(md: string, count: number): string[] {
  // Code, tables and HTML are not sentences; where they stood, the prose before them ends.
  const runs: string[][] = [[]];
  let inFence = false;
  for (const line of md.split("\n")) {
    const fence = isFenceLine(line);
    if (fence) inFence = !inFence;
    const run = runs.at(-1);
    // A heading inside an answer ("### Example", "### 解法") titles what follows; it is no sentence of it.
    if (fence || inFence || /^\s*(\||<)/.test(line) || /^ {0,3}#{1,6}\s/.test(line)) {
      if (run?.length !== 0) runs.push([]);
    } else if (line.trim() === "" && run && run.length > 0 && !/[.!?:;,…"”)]$/.test(run.at(-1) ?? "")) {
      // A paragraph that ends without punctuation ("**D:** `undefined`") is a sentence of its own.
      runs.push([]);
    } else run?.push(plainInline(line.replace(/^\s*>\s?/, "").replace(/^\s*(?:[-*+]|\d{1,2}[.)])\s+/, "")));
  }
  const sentences: string[] = [];
  for (const run of runs) {
    // A sentence ends at ". " before a capital; "Node.js", ".catch()" and "e.g. Serializable" go on.
    const pieces = run
      .join(" ")
      .trim()
      .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(`])/);
    // The line that introduced the code ("Efficient:") says nothing without it.
    if (pieces.at(-1)?.endsWith(":")) pieces.pop();
    pieces.forEach((piece, n) => {
      const last = sentences.length - 1;
      if (n > 0 && ABBREVIATION_END.test(sentences[last] ?? "")) sentences[last] += ` ${piece}`;
      else sentences.push(piece);
    });
  }
  return sentences
    .map(withoutLoneQuote)
    .filter((s) => s.length > 0)
    .slice(0, count);
}

/** A quoted answer cut into sentences leaves its opening quote on the first and its closing one on the last. */
function withoutLoneQuote(sentence: string): string {
  const s = sentence.trim();
  return (s.match(/["“”]/g) ?? []).length === 1 ? s.replace(/^["“”]|["“”]$/, "").trim() : s;
}

const ABBREVIATION_END = /(?:^|\s)(?:e\.g|i\.e|etc|vs|cf|approx|incl|[A-Za-z])\.$/i;
