import { describe, expect, it } from "vitest";
import { BankParseError } from "./bank-parse-error";
import { decodeText } from "./decode-text";

const enc = (s: string) => new TextEncoder().encode(s);
const codeOf = (bytes: Uint8Array) => {
  try {
    decodeText(bytes, "f.md");
    return "NONE";
  } catch (e) {
    return e instanceof BankParseError ? e.code : "OTHER";
  }
};

describe("decodeText", () => {
  it("strips the BOM, unifies line ends and repairs mojibake", () => {
    const out = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc("a\r\nb\rc donâ€™t")]), "f.md");
    expect(out).toEqual({ text: "a\nb\nc don’t", encoding: "utf-8", mojibakeFixed: 1 });
  });

  it("breaks lines at Unicode's line and paragraph separators", () => {
    expect(decodeText(enc("Q: What?\u2028A: That.\u2029Q: Why?"), "f.txt").text).toBe("Q: What?\nA: That.\nQ: Why?");
  });

  it("reads UTF-16 with a byte order mark", () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[..."Q: x?"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeText(utf16, "f.md")).toMatchObject({ text: "Q: x?", encoding: "utf-16" });
  });

  it("falls back to Windows-1252 for legacy single-byte text", () => {
    expect(decodeText(Uint8Array.from([...enc("caf"), 0xe9]), "f.md")).toMatchObject({ text: "café", encoding: "windows-1252" });
  });

  it("refuses empty, binary and oversized input", () => {
    expect(codeOf(new Uint8Array())).toBe("EMPTY");
    expect(codeOf(enc("\n \n"))).toBe("EMPTY");
    expect(codeOf(Uint8Array.from([0x41, 0x00, 0x42]))).toBe("BINARY");
    expect(codeOf(Uint8Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0x07 : 0x41)))).toBe("BINARY");
    expect(codeOf(Uint8Array.from({ length: 100 }, (_, i) => 0x80 + (i % 120)))).toBe("BINARY");
    expect(codeOf(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41))).toBe("TOO_LARGE");
  });
});
