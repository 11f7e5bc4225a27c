import { isQuestionLike } from "./recognisers/recogniser";

/**
 * YAML front matter, first in a file as Jekyll, Hugo, Docusaurus and Obsidian write it ("---", "title: …",
 * "tags: [a, b]", "---"): metadata the rendered page never shows. Read as Markdown, its lines were a rule and a
 * setext heading, and a title that asks became a question named "title: …". Rewritten line for line, so that the
 * lines the report and the sources give stay the file's own: a title that asks, in a file with no heading of its
 * own, is the file's one question (a question bank kept a file a question), its heading, with its difficulty,
 * level, role, companies and tags as meta lines under it. The rest is blank. Null when the file opens with none.
 */

const MAX_LINES = 100;
const KEY_LINE = /^([A-Za-z][\w-]*)\s*:\s*([\s\S]*)$/;
/** The keys a question's meta line takes ("Difficulty: hard"), by the names front matter gives them. */
const META_KEYS: Readonly<Record<string, string>> = {
  difficulty: "Difficulty",
  level: "Level",
  role: "Role",
  companies: "Companies",
  company: "Companies",
  tags: "Tags",
  topics: "Tags",
  categories: "Tags",
};

const unquoted = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, "$2");

/** A value as text: "hard", "\"quoted\"", "[a, b]" → "a, b". */
function valueText(value: string): string {
  const flow = /^\[(.*)\]$/.exec(value.trim());
  return flow ? (flow[1] ?? "").split(",").map(unquoted).filter(Boolean).join(", ") : unquoted(value);
}

export function frontMatterAsMarkdown(text: string): string | null {
  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") return null;
  const close = lines.findIndex((line, n) => n > 0 && n <= MAX_LINES && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close <= 1) return null;
  const fields = new Map<string, string>();
  let key: string | null = null;
  for (const line of lines.slice(1, close)) {
    const keyed = KEY_LINE.exec(line);
    if (keyed?.[1]) {
      key = keyed[1].toLowerCase();
      fields.set(key, valueText(keyed[2] ?? ""));
    } else if (key !== null && /^\s+-\s+\S/.test(line)) {
      // A block list under its key: "tags:" then "  - go".
      const item = unquoted(line.replace(/^\s+-\s+/, ""));
      fields.set(key, [fields.get(key), item].filter(Boolean).join(", "));
    } else if (line.trim() !== "" && !/^\s/.test(line)) {
      return null;
    }
  }
  if (fields.size === 0) return null;
  const out = lines.map((line, n) => (n <= close ? "" : line));
  const title = fields.get("title") ?? "";
  const ownHeading = lines.slice(close + 1).some((line) => /^#\s/.test(line));
  if (isQuestionLike(title) && !ownHeading) {
    out[0] = `# ${title}`;
    const meta = [...fields].flatMap(([name, value]) => (META_KEYS[name] && value !== "" ? [`${META_KEYS[name]}: ${value}`] : []));
    // A blank line after the heading, then one meta line each, as far as the front matter's lines reach.
    meta.slice(0, close - 2).forEach((line, n) => {
      out[2 + n] = line;
    });
  }
  return out.join("\n");
}
