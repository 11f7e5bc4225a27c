import { BankParseError, MAX_BANK_BYTES } from "./bank-parse-error";
import { decodeWindows1252 } from "./code-pages";
import { repairMojibake } from "./repair-mojibake";

export interface DecodedText {
  /** NFC text with "\n" line ends, no BOM, mojibake repaired. */
  text: string;
  encoding: "utf-8" | "utf-16" | "windows-1252";
  mojibakeFixed: number;
}

/** Above this share of control characters the bytes are not a text document. */
const MAX_CONTROL_RATIO = 0.01;
/** A legacy single-byte file has a few accented letters, not a high-byte majority. */
const MAX_LEGACY_HIGH_RATIO = 0.3;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");

export function decodeText(bytes: Uint8Array, sourceFile: string): DecodedText {
  if (bytes.length === 0) throw new BankParseError("EMPTY", `${sourceFile} is empty.`, sourceFile);
  if (bytes.length > MAX_BANK_BYTES) {
    throw new BankParseError(
      "TOO_LARGE",
      `${sourceFile} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; question banks are limited to ${MAX_BANK_BYTES / 1024 / 1024} MB.`,
      sourceFile,
    );
  }
  const { raw, encoding } = decodeBytes(bytes, sourceFile);
  const controls = raw.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
  if (controls > raw.length * MAX_CONTROL_RATIO) {
    throw new BankParseError("BINARY", `${sourceFile} looks like a binary file, not a text document.`, sourceFile);
  }
  const unified = raw
    .replace(/^\uFEFF/, "")
    // Unicode's line and paragraph separators break lines as "\n" does, for the reader and every pattern ("." stops at them too).
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .normalize("NFC");
  if (unified.trim() === "") throw new BankParseError("EMPTY", `${sourceFile} contains only whitespace.`, sourceFile);
  const repaired = repairMojibake(unified);
  return { text: repaired.text.normalize("NFC"), encoding, mojibakeFixed: repaired.fixed };
}

function decodeBytes(bytes: Uint8Array, sourceFile: string): { raw: string; encoding: DecodedText["encoding"] } {
  // Editors on Windows still save "Unicode" as UTF-16 with a byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { raw: utf16le.decode(bytes.subarray(2)), encoding: "utf-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { raw: utf16be.decode(bytes.subarray(2)), encoding: "utf-16" };
  if (bytes.includes(0)) {
    throw new BankParseError("BINARY", `${sourceFile} contains NUL bytes; it is not a text document.`, sourceFile);
  }
  try {
    return { raw: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: a file saved by an old Windows editor decodes cleanly as Windows-1252 and is
    // mostly ASCII; anything else is some binary format.
    let high = 0;
    for (const b of bytes) if (b >= 0x80) high++;
    const raw = decodeWindows1252(bytes);
    if (raw !== null && high <= bytes.length * MAX_LEGACY_HIGH_RATIO) {
      return { raw, encoding: "windows-1252" };
    }
    throw new BankParseError("BINARY", `${sourceFile} is neither UTF-8 nor Windows-1252 text; it looks like a binary file.`, sourceFile);
  }
}
