import { levelDistance, type PracticeLevel } from "./levels";

/** Someone waiting for a partner, as the matcher sees them. */
export interface Waiting {
  userId: string;
  /** The topic they asked for. */
  topic: string;
  /** Their profile's other topics, which they would also take. */
  alsoTopics: readonly string[];
  level: PracticeLevel;
  /** Languages they can interview in; empty means any. */
  languages: readonly string[];
  joinedAt: Date;
  /** Matches they let lapse before. */
  noShows: number;
}

export interface PairHistory {
  /** Whether the two have practised together before (either way round). */
  pairedBefore(a: string, b: string): boolean;
  /** Whether either has blocked the other. */
  blocked(a: string, b: string): boolean;
}

export interface Pair {
  /** Asks in the first half: whoever waited longer. */
  first: string;
  second: string;
  topic: string;
}

/** Each lapsed match puts a person back this far in the queue, up to the cap. */
export const NO_SHOW_PENALTY_MS = 60_000;
const NO_SHOW_PENALTY_CAP = 5;
/** A level apart is a match at once; further apart only for someone who has waited this long. */
export const WIDEN_LEVEL_AFTER_MS = 120_000;

/** Lower is better. Weights order the preferences: a close level, then the same topic, then a new partner. */
const COST = { perLevel: 100, otherTopic: 10, pairedBefore: 1 } as const;

function priorityTime(person: Waiting): number {
  return person.joinedAt.getTime() + Math.min(person.noShows, NO_SHOW_PENALTY_CAP) * NO_SHOW_PENALTY_MS;
}

/** The topic the two would practise, or null when they share none: the asker's own first, then any shared. */
export function sharedTopic(a: Waiting, b: Waiting): { topic: string; same: boolean } | null {
  if (a.topic === b.topic) return { topic: a.topic, same: true };
  if (b.alsoTopics.includes(a.topic)) return { topic: a.topic, same: false };
  if (a.alsoTopics.includes(b.topic)) return { topic: b.topic, same: false };
  return null;
}

function shareLanguage(a: Waiting, b: Waiting): boolean {
  return a.languages.length === 0 || b.languages.length === 0 || a.languages.some((language) => b.languages.includes(language));
}

export interface PairingRules {
  /** How long someone must have waited before a partner more than a level apart will do; Infinity: never. */
  widenLevelAfterMs: number;
}
const QUEUE_RULES: PairingRules = { widenLevelAfterMs: WIDEN_LEVEL_AFTER_MS };

/** What pairing `a` with `b` would cost, or null when they may not be paired at all. */
export function pairCost(a: Waiting, b: Waiting, history: PairHistory, now: Date, rules: PairingRules = QUEUE_RULES): { cost: number; topic: string } | null {
  if (a.userId === b.userId || history.blocked(a.userId, b.userId) || !shareLanguage(a, b)) return null;
  const topic = sharedTopic(a, b);
  if (!topic) return null;
  const levels = levelDistance(a.level, b.level);
  const longestWait = now.getTime() - Math.min(a.joinedAt.getTime(), b.joinedAt.getTime());
  if (levels > 1 && longestWait < rules.widenLevelAfterMs) return null;
  const cost = levels * COST.perLevel + (topic.same ? 0 : COST.otherTopic) + (history.pairedBefore(a.userId, b.userId) ? COST.pairedBefore : 0);
  return { cost, topic: topic.topic };
}

/**
 * Pairs the people waiting: in order of priority (longest wait first, lapsed matches later), each takes
 * the best partner still free, ties going to whoever waited longer. Each person is in at most one pair by
 * construction; who cannot be paired now stays waiting.
 */
export function pairUp(waiting: readonly Waiting[], history: PairHistory, now: Date, rules: PairingRules = QUEUE_RULES): Pair[] {
  const queue = [...waiting].sort((a, b) => priorityTime(a) - priorityTime(b) || a.userId.localeCompare(b.userId));
  const taken = new Set<string>();
  const pairs: Pair[] = [];
  for (const person of queue) {
    if (taken.has(person.userId)) continue;
    let best: { partner: Waiting; cost: number; topic: string } | null = null;
    for (const partner of queue) {
      if (partner === person || taken.has(partner.userId)) continue;
      const option = pairCost(person, partner, history, now, rules);
      if (option && (best === null || option.cost < best.cost)) best = { partner, ...option };
    }
    if (!best) continue;
    taken.add(person.userId).add(best.partner.userId);
    pairs.push({ first: person.userId, second: best.partner.userId, topic: best.topic });
  }
  return pairs;
}
