import { z } from "zod";
import { dbText } from "../db-text";

/**
 * The competencies a rubric criterion is scored under. Each bank document holds its own set (the
 * bundled documents use DEFAULT_COMPETENCIES; an editable copy may rename, add and remove); each
 * criterion names one of them by key, and a question as asked keeps the key with the name it had then.
 */

export const COMPETENCY_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const COMPETENCY_NAME_MAX = 60;
export const COMPETENCY_DESCRIPTION_MAX = 300;
export const COMPETENCIES_MAX = 20;

export const competencyKeySchema = z.string().regex(COMPETENCY_KEY, "is not a competency key (lower-case letters, digits and dashes)");

export const competencySchema = z.object({
  key: competencyKeySchema,
  name: dbText.trim().min(1, "cannot be empty").max(COMPETENCY_NAME_MAX),
  description: dbText.trim().max(COMPETENCY_DESCRIPTION_MAX),
});
export type Competency = z.infer<typeof competencySchema>;

export const competencySetSchema = z
  .array(competencySchema)
  .min(1, "needs at least one competency")
  .max(COMPETENCIES_MAX)
  .superRefine((set, ctx) => {
    const keys = new Set<string>();
    const names = new Set<string>();
    set.forEach((competency, index) => {
      const name = competency.name.toLowerCase();
      if (keys.has(competency.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: `“${competency.key}” is used twice` });
      if (names.has(name)) ctx.addIssue({ code: "custom", path: [index, "name"], message: `“${competency.name}” is used twice` });
      keys.add(competency.key);
      names.add(name);
    });
  });
export type CompetencySet = z.infer<typeof competencySetSchema>;

/** What a criterion of a question as asked carries: the key it is grouped by, the name it is charted under. */
export const competencyRefSchema = z.object({ key: competencyKeySchema, name: z.string().min(1) });
export type CompetencyRef = z.infer<typeof competencyRefSchema>;

/**
 * Nine areas an interviewer of engineers is asked to judge, narrow enough that a criterion clearly
 * belongs to one and broad enough that a few sessions fill each with more than one rating.
 */
export const DEFAULT_COMPETENCIES: CompetencySet = [
  {
    key: "problem-solving",
    name: "Problem solving",
    description: "Breaks a problem down, reasons about it step by step, weighs the trade-offs and reaches a decision.",
  },
  {
    key: "system-design",
    name: "System design",
    description: "Shapes a system as a whole: components, boundaries, data flow, scaling and the choice of technology.",
  },
  {
    key: "technical-depth",
    name: "Technical depth",
    description: "Knows how the languages, frameworks, protocols and tools they use actually work, beyond the surface.",
  },
  {
    key: "coding",
    name: "Coding & algorithms",
    description: "Writes correct, readable code; chooses data structures and algorithms, knows their cost and tests the edge cases.",
  },
  {
    key: "data",
    name: "Data & databases",
    description: "Models, stores and queries data and keeps it consistent: schemas, indexes, transactions, caches and streams.",
  },
  {
    key: "reliability",
    name: "Operations & reliability",
    description: "Keeps systems running: failure handling, monitoring, debugging in production and responding to incidents.",
  },
  {
    key: "security",
    name: "Security",
    description: "Protects systems and data: authentication, authorisation, secrets, sensitive data and threats.",
  },
  {
    key: "communication",
    name: "Communication",
    description: "Explains clearly and in order, to the audience at hand: the crisp answer first, then the detail.",
  },
  {
    key: "collaboration",
    name: "Collaboration & ownership",
    description: "Works with others and owns outcomes: stakeholders, judgment, accountability, learning from mistakes.",
  },
];

/** The set a document holds, or the default one for a document stored before sets existed (a null column). */
export function competencySetOf(stored: unknown): CompetencySet {
  return stored === null || stored === undefined ? DEFAULT_COMPETENCIES : competencySetSchema.parse(stored);
}

/** A key for a new competency named `name`, unlike any key of `set`. */
export function newCompetencyKey(name: string, set: readonly Competency[]): string {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 32)
      .replace(/-+$/, "") || "competency";
  const taken = new Set(set.map((competency) => competency.key));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
