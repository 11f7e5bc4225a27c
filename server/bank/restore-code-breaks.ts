/**
 * Some documents lost the line breaks inside their code ("pool.release();  const x = 1;// next").
 * This puts a break back only where a statement clearly ended: after a ";" that is outside any
 * bracket, string or comment and is followed by more code (not by a trailing comment), and between
 * two "//" comments glued together. Everything else is left alone, so intact code survives unchanged.
 */

/** "http://", "mongodb://" and friends: a "//" after these is part of a URL, not a comment. */
const URL_SCHEME = /\b(?:https?|wss?|s?ftp|file|mongodb(?:\+srv)?|postgres(?:ql)?|mysql|rediss?|amqps?|kafka|jdbc:\w+|s3|gs|git|ssh|tcp|udp|grpc|unix):$/i;

export interface RestoredCode {
  code: string;
  /** How many line breaks were put back. */
  restored: number;
}

export function restoreCodeBreaks(code: string): RestoredCode {
  let restored = 0;
  const lines = code.split("\n").flatMap((line) => {
    const parts = splitLine(line);
    restored += parts.length - 1;
    return parts;
  });
  return { code: lines.join("\n"), restored };
}

function splitLine(line: string): string[] {
  // Short lines are the normal shape of code; only a long line can hold several statements.
  if (line.length < 60) return [line];
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote !== null) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === "/" && line[i + 1] === "/") {
      if (URL_SCHEME.test(line.slice(start, i))) {
        i++;
        continue;
      }
      // The rest of the line is a comment, unless another comment was glued onto it.
      const nextComment = findGluedComment(line, i + 2);
      if (nextComment === -1) break;
      parts.push(line.slice(start, nextComment).trimEnd());
      start = nextComment;
      i = nextComment - 1;
    } else if (ch === ";" && depth === 0) {
      const rest = line.slice(i + 1);
      if (/^\s*[^\s;)}\]]/.test(rest) && !/^\s*\/\//.test(rest)) {
        parts.push(line.slice(start, i + 1).trimEnd());
        start = i + 1 + (/^\s*/.exec(rest)?.[0].length ?? 0);
      }
    }
  }
  parts.push(line.slice(start).trimEnd());
  const kept = parts.filter((p) => p.trim() !== "");
  return kept.map((p, n) => (n === 0 ? p : indent + p.trimStart()));
}

/**
 * In "// Check pool// Look for: x" the second "//" starts a new comment that lost its line. A "//"
 * after a URL scheme ("http://") does not.
 */
function findGluedComment(line: string, from: number): number {
  for (let j = line.indexOf("//", from); j !== -1; j = line.indexOf("//", j + 2)) {
    const before = line.slice(from, j);
    if (!URL_SCHEME.test(before) && before.trim() !== "") return j;
  }
  return -1;
}
