/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 or Windows-1254 and saved again
 * ("â€œ" for "“"). Those code pages have no character for some bytes (0x81 0x8D 0x8F 0x90 0x9D, and
 * 0x8E 0x9E in 1254), so the tools that produced such files dropped them: a closing quote often
 * survives only as "â€". Each run of such characters is mapped back to bytes and re-decoded; a
 * sequence short of exactly one continuation byte gets the most plausible missing byte back.
 * Anything that does not decode to well-formed UTF-8 is left exactly as it was, which is what keeps
 * real accented text ("café", "Ærø", "€") intact.
 */

import { WINDOWS_BYTE_OF } from "./code-pages";

/** Bytes that Windows-1252/1254 cannot show, so they vanished from the mis-decoded text. */
const DROPPABLE = [0x9d, 0x8f, 0x90, 0x8d, 0x81, 0x8e, 0x9e] as const;

/** Emoji common in prep documents; a small prior for when the dropped byte is otherwise a toss-up. */
const COMMON_PICTOGRAPHS = new Set([..."🔍🎙🎯🚀💡📌📝🔥👉🧠📚🏆🐛🔑🔒👍🎉📊📈📉🚩💰⏱🛑🏗🏁"].map((c) => c.codePointAt(0)));

const LIGHT_BOX = new Set([0x2500, 0x2502, 0x250c, 0x2510, 0x2514, 0x2518, 0x251c, 0x2524, 0x252c, 0x2534, 0x253c]);

const utf8 = new TextDecoder("utf-8", { fatal: true });

const byteOf = (ch: number): number | undefined => WINDOWS_BYTE_OF.get(ch);

/** How likely a code point is to be what the author typed; 0 means "never". */
function plausibility(cp: number, followedByVs16: boolean): number {
  const s = String.fromCodePoint(cp);
  if (/[\p{Cn}\p{Co}\p{Cs}\p{Cc}]/u.test(s)) return 0;
  if (/\p{Extended_Pictographic}/u.test(s)) {
    const presentation = /\p{Emoji_Presentation}/u.test(s);
    return 8 + (presentation !== followedByVs16 ? 2 : 0) + (COMMON_PICTOGRAPHS.has(cp) ? 3 : 0);
  }
  if (cp === 0xfe0f) return 9;
  if (cp >= 0x2018 && cp <= 0x201d) return cp === 0x201a || cp === 0x201b ? 7 : 10;
  if (cp === 0x2013 || cp === 0x2014) return 10;
  if (cp === 0x2026 || cp === 0x2022) return 9;
  if (cp >= 0x2010 && cp <= 0x2015) return 6;
  if (cp >= 0x2000 && cp <= 0x206f) return 1;
  if (cp >= 0x2190 && cp <= 0x2199) return 9;
  if (cp >= 0x219a && cp <= 0x21ff) return 5;
  if (cp >= 0x2500 && cp <= 0x257f) return LIGHT_BOX.has(cp) ? 9 : 6;
  if (cp >= 0x2580 && cp <= 0x25ff) return 6;
  if (cp >= 0x2200 && cp <= 0x22ff) return 6;
  if (cp >= 0x2600 && cp <= 0x27bf) return 7;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 1;
  if (cp >= 0x80 && cp <= 0xff) return 5;
  return 3;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (b: number | undefined): b is number => b !== undefined && b >= 0x80 && b <= 0xbf;

function decodeOne(bytes: number[]): string | null {
  try {
    const s = utf8.decode(Uint8Array.from(bytes));
    return [...s].length === 1 ? s : null;
  } catch {
    return null;
  }
}

export interface MojibakeRepair {
  text: string;
  /** Number of characters restored. */
  fixed: number;
}

/** Characters that a Windows-1252/1254 decoder produces for bytes 0x80-0xFF. */
const SUSPECT_RUN =
  /[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122\u011e\u011f\u0130\u0131\u015e\u015f]{2,}/g;

export function repairMojibake(input: string): MojibakeRepair {
  let fixed = 0;
  const text = input.replace(SUSPECT_RUN, (run) => {
    const r = repairRun(run);
    fixed += r.fixed;
    return r.text;
  });
  return { text, fixed };
}

function repairRun(run: string): MojibakeRepair {
  const chars = [...run];
  let out = "";
  let fixed = 0;
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    const lead = byteOf(ch.codePointAt(0) ?? 0);
    const len = lead === undefined ? 0 : sequenceLength(lead);
    if (lead === undefined || len === 0) {
      out += ch;
      i += 1;
      continue;
    }
    const tail: number[] = [];
    for (let j = i + 1; j < chars.length && tail.length < len - 1; j++) {
      const b = byteOf(chars[j]?.codePointAt(0) ?? 0);
      if (!isContinuation(b)) break;
      tail.push(b);
    }
    let repaired: string | null = null;
    if (tail.length === len - 1) {
      repaired = decodeOne([lead, ...tail]);
    } else if (tail.length === len - 2 && tail.length >= 1) {
      const after = chars.slice(i + 1 + tail.length, i + 3 + tail.length).join("");
      repaired = inferDroppedByte(lead, tail, after === "ï¸", out.codePointAt(out.length - 1) ?? 0);
    }
    if (repaired === null) {
      out += ch;
      i += 1;
      continue;
    }
    out += repaired;
    fixed += 1;
    i += 1 + tail.length;
  }
  return { text: out, fixed };
}

/**
 * Tries every droppable byte at every position; keeps the most plausible character. A character from
 * the same Unicode block as the one before it wins ties: "─┐" is a box edge, not "─❔".
 */
function inferDroppedByte(lead: number, tail: number[], followedByVs16: boolean, previous: number): string | null {
  let best: { s: string; score: number } | null = null;
  for (let pos = 0; pos <= tail.length; pos++) {
    for (const missing of DROPPABLE) {
      const bytes = [lead, ...tail.slice(0, pos), missing, ...tail.slice(pos)];
      const s = decodeOne(bytes);
      if (s === null) continue;
      const cp = s.codePointAt(0) ?? 0;
      const base = plausibility(cp, followedByVs16);
      const score = base > 0 && cp >> 7 === previous >> 7 ? base + 3 : base;
      if (score > 0 && (best === null || score > best.score)) best = { s, score };
    }
  }
  return best?.s ?? null;
}
