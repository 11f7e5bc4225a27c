import { Prisma } from "@/server/platform/db/generated/client";
import { codeSpecSchema, type CodeSpec } from "@/server/domain/code/code-spec";

const storedSpec = codeSpecSchema.nullable();

/** BankQuestion.code as written: SQL NULL for a question without code, never JSON `null`; validated first. */
export function codeColumn(code: CodeSpec | null): CodeSpec | typeof Prisma.DbNull {
  const spec = storedSpec.parse(code);
  return spec === null ? Prisma.DbNull : spec;
}

/** BankQuestion.code as read back, validated: a row the schema refuses is a bug, not a question without code. */
export function codeOfColumn(value: Prisma.JsonValue): CodeSpec | null {
  return storedSpec.parse(value);
}
