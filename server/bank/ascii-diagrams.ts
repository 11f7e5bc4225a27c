/**
 * ASCII diagrams written without a fence: boxes of "+----+" and "|", arrows of "-->" and "v", or
 * box-drawing characters. System-design notes draw architectures this way, and read as prose they come
 * apart (a "+" border starts a list, each line becomes a paragraph). Such a run of lines is fenced, so it
 * is kept as a monospace block in the question it belongs to, as its author drew it.
 */

const BOX_DRAWING = /[─━│┃┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬]/;
/** A box's edge: "+-----+", "+---v---+", "└──────┘", or several side by side. */
const EDGE = /[+][-=]{2,}|[-=]{2,}[+]|[─━═]{2,}|[┌┐└┘╔╗╚╝]/;
/** Only drawing characters: edges, connectors ("|", "v", "^") and arrowheads. */
const DRAWING_ONLY = /^[\s+\-=|vV^<>.:*─━│┃┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬▶▼◀▲►◄→←↑↓]+$/;
/** A wall on each side: "| Client |", "| A | ---> | B |". */
const WALLS = /^\s*[|│║].*[|│║]\s*$/;
const ARROW = /-{2,}>|<-{2,}|={2,}>|<={2,}|[▶▼◀▲►◄→←↑↓⇒⇐]/;
/** A GFM table's delimiter row: a table is not a diagram. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

function drawn(line: string): boolean {
  return BOX_DRAWING.test(line) || DRAWING_ONLY.test(line) || WALLS.test(line) || (ARROW.test(line) && /[|+]/.test(line));
}

/** The runs of drawn lines that make a diagram: at least three, two of them box edges, no table. */
export function diagramRuns(lines: readonly string[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marks = FENCE.exec(line)?.[1];
    if (marks !== undefined) {
      if (fence === null) fence = marks;
      else if (marks[0] === fence[0] && marks.length >= fence.length && line.trim() === marks) fence = null;
      continue;
    }
    if (fence !== null || line.trim() === "" || !drawn(line)) continue;
    let end = i + 1;
    // A single blank line inside a drawing (between two parts of it) does not end it.
    while (end < lines.length && (drawn(lines[end] as string) || ((lines[end] as string).trim() === "" && drawn(lines[end + 1] ?? "")))) end++;
    const run = lines.slice(i, end);
    const edges = run.filter((l) => EDGE.test(l)).length;
    if (run.length >= 3 && edges >= 2 && !run.some((l) => TABLE_DELIMITER.test(l) || FENCE.test(l))) runs.push({ start: i, end });
    i = end - 1;
  }
  return runs;
}

/**
 * The text with each unfenced diagram fenced, and where each of its lines (1-based) was in the text given,
 * so that the units made from it cite the author's lines (the parse report and the review do). `keep`
 * may refuse a diagram by its first line.
 */
export function fenceAsciiDiagrams(text: string, keep: (first: string) => boolean = () => true): { text: string; lineOf: (line: number) => number } {
  const lines = text.split("\n");
  const runs = diagramRuns(lines).filter((run) => keep(lines[run.start] as string));
  if (runs.length === 0) return { text, lineOf: (line) => line };
  const out: string[] = [];
  /** The given line of each line out, 1-based; a fence has the number of the diagram line beside it. */
  const given: number[] = [];
  const emit = (line: string, from: number) => {
    out.push(line);
    given.push(from);
  };
  let next = 0;
  for (const { start, end } of runs) {
    for (; next < start; next++) emit(lines[next] as string, next + 1);
    emit("```", start + 1);
    for (; next < end; next++) emit(lines[next] as string, next + 1);
    emit("```", end);
  }
  for (; next < lines.length; next++) emit(lines[next] as string, next + 1);
  return { text: out.join("\n"), lineOf: (line) => given[line - 1] ?? line };
}
