import type { ListItem, SplitResult, Unit } from "./blocks";
import { plainInline } from "./inline-text";
import { restoreCodeBreaks } from "./restore-code-breaks";

/**
 * The path for documents written as plain text (exported from a word processor or a web page):
 * no headings, no fences. Each line is its own paragraph, bullet runs ("•", "-", "1.") become lists
 * and runs of code-looking lines become fenced code, so that the stored Markdown renders as the
 * author saw it.
 */

const BULLET = /^(\s*)([•●▪◦◆✓✗✔✘]|[-*+–]|\d{1,2}[.)])\s+(\S.*)$/;

const CODE_START =
  /^\s*(?:\/\/|\/\*|\*\/|\$ |(?:const|let|var|function|async function|await|import|export|return|class|def|public|private|SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (?:TABLE|INDEX)|ALTER TABLE|curl|kubectl|docker|ssh|npm|pip|git|mongo|psql|redis-cli|tail|grep|ping|mtr|traceroute)\b)|^\s*[\w$.]+\([^()]*\)[\w.()'"]*;?\s*$|^\s*[)}\]]|[{;]\s*$/;

/** Markdown syntax at the start of a plain line that would change how the line renders. */
const escapeLine = (line: string) => line.replace(/^(\s*)([#>|=+])/, "$1\\$2").trim();

export function splitPlainText(text: string): SplitResult {
  const lines = text.split("\n");
  const units: Unit[] = [];
  let codeLinesRestored = 0;
  let block = 0;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] as string;
    if (raw.trim() === "") {
      i++;
      continue;
    }
    block++;
    if (isCodeStart(lines, i)) {
      const start = i;
      const body: string[] = [];
      while (i < lines.length && isCodeContinuation(lines, i, i === start)) body.push((lines[i++] as string).trimEnd());
      const restored = restoreCodeBreaks(dedent(body).join("\n"));
      codeLinesRestored += restored.restored;
      units.push({ kind: "code", lang: null, value: restored.code, md: "```\n" + restored.code + "\n```", line: start + 1, block });
      continue;
    }
    if (BULLET.test(raw)) {
      const start = i;
      const found: { indent: number; ordered: boolean; marker: string; text: string }[] = [];
      for (let m = BULLET.exec(lines[i] ?? ""); m && i < lines.length; m = BULLET.exec(lines[++i] ?? "")) {
        found.push({ indent: (m[1] ?? "").length, ordered: /\d/.test(m[2] ?? ""), marker: m[2] ?? "-", text: m[3] ?? "" });
      }
      units.push(plainList(found, start + 1, block));
      continue;
    }
    // A hard-wrapped sentence ("…passed to security" / "checks, so …") stays one paragraph.
    const prev = units.at(-1);
    // Both ends must read as words, so that a wrapped statement of unfenced code keeps its lines.
    const wrapped = prev?.kind === "line" && prev.line === i && /[A-Za-z]$/.test(prev.md) && /^\s*[a-z]+,?\s/.test(raw);
    units.push({ kind: "line", text: plainInline(raw), md: escapeLine(raw), line: i + 1, block: wrapped ? --block : block });
    i++;
  }
  return { units, codeLinesRestored };
}

function plainList(found: { indent: number; ordered: boolean; marker: string; text: string }[], line: number, block: number): Unit {
  const base = found[0]?.indent ?? 0;
  const items: ListItem[] = [];
  const mdLines: string[] = [];
  for (const f of found) {
    const md = escapeLine(f.text);
    const marker = f.ordered ? f.marker.replace(")", ".") : "-";
    const item: ListItem = { text: plainInline(f.text), md, lines: [md], children: [] };
    const parent = items.at(-1);
    if (f.indent > base + 1 && parent) {
      parent.children.push(item);
      parent.md += `\n  - ${md}`;
      mdLines.push(`   ${marker} ${md}`);
    } else {
      items.push(item);
      mdLines.push(`${marker} ${md}`);
    }
  }
  return { kind: "list", ordered: found[0]?.ordered ?? false, items, md: mdLines.join("\n"), line, block };
}

function isCodeStart(lines: string[], i: number): boolean {
  const line = lines[i] ?? "";
  const next = lines[i + 1] ?? "";
  // "# comment" is code only when the code under it is indented; otherwise it reads as a title.
  if (/^\s*# /.test(line)) return /^ {4,}\S/.test(next);
  return CODE_START.test(line) && !/^\s*[A-Z][a-z]+(?: [a-z]+)+[.:]$/.test(line);
}

function isCodeContinuation(lines: string[], i: number, first: boolean): boolean {
  const line = lines[i] ?? "";
  if (first) return true;
  if (line.trim() === "") return false;
  return /^\s{2,}\S/.test(line) || isCodeStart(lines, i);
}

function dedent(lines: string[]): string[] {
  const indents = lines
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => /^ */.exec(l)?.[0].length ?? 0);
  // Exported code keeps the first line flush left and indents the rest by a fixed amount.
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l, n) => (n === 0 ? l.trimStart() : l.slice(Math.min(common, /^ */.exec(l)?.[0].length ?? 0))));
}
