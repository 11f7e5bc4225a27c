import type { MetaKey, Recogniser } from "./recogniser";
import { splitLabel } from "./recogniser";

const META: readonly [RegExp, MetaKey][] = [
  [/^difficulty$/, "difficulty"],
  [/^(?:role|position|target role)$/, "role"],
  [/^(?:level|seniority|experience level)$/, "level"],
  [/^(?:company examples|companies|asked (?:at|by|in)|company)$/, "companies"],
  [/^(?:tags|topics?|categor(?:y|ies))$/, "tags"],
];

/** "Difficulty: High", "Company Examples: Meta, Google" */
export const recogniseMetaLine: Recogniser = (unit) => {
  if (unit.kind !== "line") return null;
  const split = splitLabel(unit.text);
  if (!split || split.rest === "" || split.rest.length > 200) return null;
  for (const [re, key] of META) if (re.test(split.label)) return { type: "meta", key, value: split.rest };
  return null;
};
