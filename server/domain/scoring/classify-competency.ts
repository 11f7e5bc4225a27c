import type { Competency, CompetencyRef } from "./competency-set";

/**
 * Which competency a rubric criterion tests, proposed from its words: the criterion's title first, then
 * the question it belongs to (prompt and section), what it looks for, and the document's title.
 * Deterministic and local (keywords, no model), so the importer, a re-import and a session stored before
 * criteria had competencies all agree; a person corrects the proposal in the bank.
 */

export interface CriterionContext {
  title: string;
  lookFor: readonly string[];
  prompt: string;
  section: readonly string[];
  documentTitle?: string | null;
}

/** Stems of the words that point at each default competency, matched at the start of a word. */
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  "problem-solving": [
    "problem",
    "trade[- ]?off",
    "decision",
    "decompos",
    "approach",
    "reason",
    "analy",
    "strateg",
    "thinking",
    "root cause",
    "diagnos",
    "cost",
    "benefit",
    "estimat",
    "alternative",
    "option",
    "compar",
    "when to use",
    "constraint",
    "pragmatic",
    "requirement",
    "first principle",
    "prevention",
    "mental model",
    "why not",
    "did you consider",
    "choos",
    "prefer",
    "risk",
    "judg",
    "calibrat",
  ],
  "system-design": [
    "architect",
    "design",
    "scal",
    "component",
    "distributed",
    "microservice",
    "service",
    "gateway",
    "pattern",
    "partition",
    "shard",
    "pub/?sub",
    "queue",
    "kafka",
    "load balanc",
    "high-level",
    "data flow",
    "boundar",
    "websocket",
    "event-driven",
    "saga",
    "outbox",
    "cdc",
    "change data capture",
    "consensus",
    "leader election",
    "replica",
    "throughput",
    "latency",
    "full-stack",
    "holistic",
    "systems thinking",
    "technology choice",
    "enhancement",
    "bulkhead",
    "degradation",
  ],
  "technical-depth": [
    "expertise",
    "fundamental",
    "internals",
    "under the hood",
    "how it works",
    "jvm",
    "spring",
    "jpa",
    "hibernate",
    "jdbc",
    "graphql",
    "protocol",
    "tcp",
    "http",
    "tls",
    "alpn",
    "kubernetes",
    "istio",
    "docker",
    "image",
    "java",
    "lazy load",
    "dependency injection",
    "filter",
    "interceptor",
    "aop",
    "clock",
    "lamport",
    "vector clock",
    "logical",
    "thread",
    "concurren",
    "async",
    "performance",
    "profil",
    "optimi",
    "breadth",
    "depth",
    "tool",
    "framework",
    "config",
    "jmx",
    "browser",
    "react",
    "api",
    "contract",
    "compatib",
  ],
  coding: [
    "code",
    "coding",
    "implement",
    "algorithm",
    "complexity",
    "big-?o",
    "o\\(",
    "data structure",
    "edge case",
    "test",
    "refactor",
    "function",
    "lua",
    "counter",
    "token bucket",
    "fixed window",
    "sliding window",
    "output",
    "bug",
    "sketch",
  ],
  data: [
    "data",
    "database",
    "sql",
    "postgres",
    "mysql",
    "mongo",
    "schema",
    "migration",
    "ddl",
    "index",
    "btree",
    "query",
    "transaction",
    "2pc",
    "two-phase",
    "consisten",
    "isolation",
    "replication",
    "cache",
    "caching",
    "evict",
    "invalidat",
    "storage",
    "reconciliation",
    "projection",
    "idempoten",
    "exactly-once",
    "at-least-once",
    "eos",
    "ordering",
    "order matters",
    "double-delete",
    "financial integrity",
    "integrity",
    "connection pool",
    "refcursor",
    "stored procedure",
    "reindex",
    "partition key",
  ],
  reliability: [
    "reliab",
    "resilien",
    "failure",
    "failover",
    "fail",
    "recover",
    "incident",
    "outage",
    "goes down",
    "crash",
    "monitor",
    "observab",
    "metric",
    "log",
    "alert",
    "health",
    "debug",
    "troubleshoot",
    "symptom",
    "production",
    "operational",
    "rollback",
    "roll back",
    "graceful",
    "shutdown",
    "restart",
    "retry",
    "timeout",
    "circuit",
    "post-?mortem",
    "slow",
    "trace",
    "tracing",
    "network",
    "on-call",
    "crisis",
    "immediate",
    "short-term",
    "long-term",
    "auto-recovery",
    "verify fix",
    "what could go wrong",
    "safe",
    "culprit",
    "deploy",
    "upgrade",
  ],
  security: [
    "secur",
    "auth",
    "authentication",
    "authoriz",
    "authoris",
    "oauth",
    "jwt",
    "token",
    "secret",
    "encrypt",
    "pii",
    "redact",
    "sensitive",
    "privacy",
    "compliance",
    "audit",
    "threat",
    "attack",
    "malicious",
    "abuse",
    "vulnerab",
    "permission",
    "guardrail",
    "governance",
    "classification",
  ],
  communication: [
    "communicat",
    "explain",
    "say",
    "soundbite",
    "line",
    "closing",
    "summary",
    "eli\\d",
    "plain english",
    "crisp",
    "clearly",
    "out loud",
    "pitch",
    "story",
    "narrative",
    "present",
    "document",
  ],
  collaboration: [
    "stakeholder",
    "team",
    "organi[sz]ation",
    "business",
    "product thinking",
    "accountab",
    "ownership",
    "owner",
    "honest",
    "self-awareness",
    "growth",
    "mindset",
    "maturity",
    "mature",
    "lesson",
    "learn",
    "career",
    "grow",
    "disagree",
    "scope creep",
    "knowledge sharing",
    "remote",
    "regret",
    "retrospective",
    "leadership",
    "mentor",
    "conflict",
    "planning",
    "project",
    "process improvement",
    "personal",
    "war story",
    "non-negotiable",
    "acumen",
    "literacy",
  ],
};

/**
 * How much a keyword of the context counts: the question's own prompt more than the headings above it or
 * what the criterion looks for. The context decides only between competencies the title does not tell apart.
 */
const LOOK_FOR_CAP = 3;
const PROMPT_WEIGHT = 2;
const PROMPT_CAP = 3;

/** Where a keyword starts a word in lower-cased text (the index of the character before it, or 0), else -1. */
type Matcher = (lower: string) => number;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const LITERAL = /^[a-z0-9 '&/-]+$/;
const matchers = new Map<string, Matcher>();

/**
 * Most keywords are plain words, found with indexOf (a regular expression per keyword and text made the
 * pass about 1 ms per criterion); the few with a pattern ("trade[- ]?off") keep one.
 */
function matcherOf(stem: string): Matcher {
  const known = matchers.get(stem);
  if (known) return known;
  let matcher: Matcher;
  if (LITERAL.test(stem)) {
    matcher = (lower) => {
      for (let at = lower.indexOf(stem); at !== -1; at = lower.indexOf(stem, at + 1)) {
        if (at === 0) return 0;
        if (!WORD_CHARACTER.test(lower[at - 1]!)) return at - 1;
      }
      return -1;
    };
  } else {
    const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])${stem}`, "u");
    matcher = (lower) => re.exec(lower)?.index ?? -1;
  }
  matchers.set(stem, matcher);
  return matcher;
}

function patternsOf(competency: Competency): Matcher[] {
  return (KEYWORDS[competency.key] ?? nameStems(competency)).map(matcherOf);
}

/** A competency someone added has no keyword list: the words of its name stand in. */
function nameStems(competency: Competency): string[] {
  return competency.name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4)
    .map((word) => word.slice(0, Math.max(4, word.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

function hits(patterns: readonly Matcher[], lower: string): number {
  return lower === "" ? 0 : patterns.filter((match) => match(lower) !== -1).length;
}

/** Where in the title the competency's first word starts: of two areas a title names, the first wins. */
function firstMention(patterns: readonly Matcher[], title: string): number {
  const found = patterns.map((match) => match(title)).filter((at) => at !== -1);
  return Math.min(Infinity, ...found);
}

function contextScore(patterns: readonly Matcher[], criterion: CriterionContext): number {
  const lookFor = criterion.lookFor.reduce((sum, item) => sum + hits(patterns, item), 0);
  // The outermost heading is often the document's title again: counted once, as the document.
  const section = criterion.section.filter((heading) => heading !== criterion.documentTitle).join(" ");
  return (
    Math.min(LOOK_FOR_CAP, lookFor) +
    PROMPT_WEIGHT * Math.min(PROMPT_CAP, hits(patterns, criterion.prompt)) +
    Math.min(1, hits(patterns, section)) +
    Math.min(1, hits(patterns, criterion.documentTitle ?? ""))
  );
}

interface Fit {
  competency: Competency;
  title: number;
  mention: number;
  context: number;
}

/** The title's words first (more of them, then the earlier), then the context's; the set's order last. */
function fitsBetter(a: Fit, b: Fit): boolean {
  if (a.title !== b.title) return a.title > b.title;
  if (a.mention !== b.mention) return a.mention < b.mention;
  return a.context > b.context;
}

/**
 * The competency of `set` whose words the criterion's title uses (of two, the one it names first), else
 * the one its look-fors, question and document use most; on a tie, the one listed first. When nothing
 * fits, "technical-depth" if the set has it (a prep document's criteria are mostly about knowing the
 * subject), else the set's first.
 */
export function classifyCompetency(original: CriterionContext, set: readonly Competency[]): CompetencyRef {
  const lower = (text: string) => text.toLowerCase();
  const criterion: CriterionContext = {
    title: lower(original.title),
    lookFor: original.lookFor.map(lower),
    prompt: lower(original.prompt),
    section: original.section.map(lower),
    documentTitle: original.documentTitle ? lower(original.documentTitle) : null,
  };
  let best: Fit | null = null;
  for (const competency of set) {
    const patterns = patternsOf(competency);
    const fit = {
      competency,
      title: hits(patterns, criterion.title),
      mention: firstMention(patterns, criterion.title),
      context: contextScore(patterns, criterion),
    };
    if (fit.title === 0 && fit.context === 0) continue;
    if (!best || fitsBetter(fit, best)) best = fit;
  }
  const chosen = best?.competency ?? set.find((competency) => competency.key === "technical-depth") ?? set[0];
  if (!chosen) throw new Error("A competency set is never empty");
  return { key: chosen.key, name: chosen.name };
}
