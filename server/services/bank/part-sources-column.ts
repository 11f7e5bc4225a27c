import { Prisma } from "@/server/platform/db/generated/client";
import { alignedPartSources, partSourcesSchema, type BankQuestion, type PartSources } from "@/server/bank/bank-format";

const storedSources = partSourcesSchema.nullable();

/**
 * BankQuestion.partSources as written: SQL NULL when the question's parts have no known source (or sources
 * that do not pair up with them), validated first.
 */
export function partSourcesColumn(question: BankQuestion): PartSources | typeof Prisma.DbNull {
  const sources = storedSources.parse(alignedPartSources(question) ?? null);
  return sources === null ? Prisma.DbNull : sources;
}

/** BankQuestion.partSources as read back, validated: a row the schema refuses is a bug, not a question without sources. */
export function partSourcesOfColumn(value: Prisma.JsonValue): PartSources | undefined {
  return storedSources.parse(value) ?? undefined;
}
