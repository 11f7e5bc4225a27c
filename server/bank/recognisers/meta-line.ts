import type { MetaKey, Recogniser } from "./recogniser";
import { splitLabel } from "./recogniser";

const META: readonly [RegExp, MetaKey][] = [
  [/^difficulty$/, "difficulty"],
  [/^(?:role|position|target role)$/, "role"],
  [/^(?:level|seniority|experience level)$/, "level"],
  [/^(?:company examples|companies|asked (?:at|by|in)|company)$/, "companies"],
  [/^(?:tags|topics?|categor(?:y|ies))$/, "tags"],
];

function metaKey(label: string): MetaKey | null {
  for (const [re, key] of META) if (re.test(label)) return key;
  return null;
}

/** "Difficulty: High", "Company Examples: Meta, Google", "Difficulty: Hard | Tags: redis, caching" */
export const recogniseMetaLine: Recogniser = (unit) => {
  if (unit.kind !== "line") return null;
  const values: Partial<Record<MetaKey, string>> = {};
  for (const part of unit.text.split(/\s+[|•·]\s+/)) {
    const split = splitLabel(part);
    const key = split ? metaKey(split.label) : null;
    if (!split || !key || split.rest === "" || split.rest.length > 200) return null;
    values[key] ??= split.rest;
  }
  return { type: "meta", values };
};
