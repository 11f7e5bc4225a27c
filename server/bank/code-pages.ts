/**
 * Windows-1252 and Windows-1254 by hand: Node's TextDecoder treats "windows-1252" as Latin-1 when
 * built without full ICU, which turns 0x80-0x9F into control characters.
 */

/** Bytes 0x80-0x9F of Windows-1252; `undefined` where the code page has no character. */
const CP1252_80_9F: readonly (number | undefined)[] = [
  0x20ac,
  undefined,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  undefined,
  0x017d,
  undefined,
  undefined,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  undefined,
  0x017e,
  0x0178,
];

/** Where Windows-1254 (Turkish) differs from 1252; it also lacks 0x8E and 0x9E. */
const CP1254_LETTERS: Readonly<Record<number, number>> = { 0xd0: 0x011e, 0xdd: 0x0130, 0xde: 0x015e, 0xf0: 0x011f, 0xfd: 0x0131, 0xfe: 0x015f };

/** The character a Windows-1252 decoder shows for a byte, or undefined for the five it cannot. */
export function cp1252Char(byte: number): number | undefined {
  if (byte < 0x80 || byte >= 0xa0) return byte;
  return CP1252_80_9F[byte - 0x80];
}

/** Character → byte for both code pages at once (they agree wherever both define a character). */
export const WINDOWS_BYTE_OF: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  CP1252_80_9F.forEach((ch, i) => ch !== undefined && map.set(ch, 0x80 + i));
  for (let b = 0xa0; b <= 0xff; b++) map.set(b, b);
  for (const [b, ch] of Object.entries(CP1254_LETTERS)) map.set(ch, Number(b));
  return map;
})();

/** Decodes Windows-1252 bytes; null when a byte has no character there (then it is not 1252 text). */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  let out = "";
  for (const b of bytes) {
    const ch = cp1252Char(b);
    if (ch === undefined) return null;
    out += String.fromCharCode(ch);
  }
  return out;
}
