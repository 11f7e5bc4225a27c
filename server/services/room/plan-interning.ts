import type { QuestionSnapshot } from "@/server/domain/room";

/**
 * Rooms planned from the same bank questions hold the same long texts (answers, prompts, rubrics), each
 * parsed from its own session's plan. Sharing one copy of every long string across the rooms in memory
 * keeps a room's footprint to what is its own. Bounded: past the cap the table starts over, which only
 * costs sharing, never correctness.
 */
const MIN_LENGTH = 32;
const MAX_ENTRIES = 50_000;
const shared = new Map<string, string>();

function internString(text: string): string {
  if (text.length < MIN_LENGTH) return text;
  const known = shared.get(text);
  if (known !== undefined) return known;
  if (shared.size >= MAX_ENTRIES) shared.clear();
  shared.set(text, text);
  return text;
}

function intern<T>(value: T): T {
  if (typeof value === "string") return internString(value) as T;
  if (Array.isArray(value)) return value.map(intern) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, intern(inner)])) as T;
  }
  return value;
}

export function internQuestion(question: QuestionSnapshot): QuestionSnapshot {
  return intern(question);
}
