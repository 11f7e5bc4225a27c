import { z } from "zod";

// PostgreSQL refuses a NUL character in text (22021) and a UTF-16 surrogate without its pair cannot be
// encoded as UTF-8 (22P05); either would surface as a 500. A high surrogate not followed by a low one,
// or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/**
 * The one string schema for text that may reach PostgreSQL: every tRPC input, socket payload and
 * imported field starts from it (`dbText.trim().min(1)`, …), so such text is refused as BAD_REQUEST at
 * the boundary with a clear message.
 */
export const dbText = z.string().refine(isStorableText, "contains a character that cannot be stored (a NUL or an unpaired surrogate)");

/**
 * Text that may end up in an email header (a subject, a recipient's name): one line, so that no line
 * break can start a header of its own. nodemailer encodes headers too; this is the clear error at input.
 */
export const singleLineText = dbText.refine((value) => !/[\r\n\u2028\u2029]/.test(value), "must be on one line (no line breaks)");
