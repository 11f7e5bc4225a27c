import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRACTICE_LEVELS, type PracticeLevel } from "./levels";
import { NO_SHOW_PENALTY_MS, pairUp, WIDEN_LEVEL_AFTER_MS, type PairHistory, type Waiting } from "./matching";

const now = new Date("2026-12-06T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function person(userId: string, overrides: Partial<Waiting> = {}): Waiting {
  return { userId, topic: "Kafka", alsoTopics: [], level: "SENIOR", languages: [], joinedAt: secondsAgo(10), noShows: 0, ...overrides };
}

function history(pairs: Array<[string, string]> = [], blocks: Array<[string, string]> = []): PairHistory {
  const has = (list: Array<[string, string]>, a: string, b: string) => list.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return { pairedBefore: (a, b) => has(pairs, a, b), blocked: (a, b) => has(blocks, a, b) };
}

const partnerOf = (pairs: ReturnType<typeof pairUp>, userId: string) =>
  pairs.flatMap((pair) => (pair.first === userId ? [pair.second] : pair.second === userId ? [pair.first] : []));

describe("pairUp", () => {
  it("pairs two people waiting for the same topic, the one who waited longer asking first", () => {
    const pairs = pairUp([person("b", { joinedAt: secondsAgo(5) }), person("a", { joinedAt: secondsAgo(30) })], history(), now);
    expect(pairs).toEqual([{ first: "a", second: "b", topic: "Kafka" }]);
  });

  it("does not pair people who share no topic, and pairs on a topic one of them would also take", () => {
    expect(pairUp([person("a"), person("b", { topic: "PostgreSQL" })], history(), now)).toEqual([]);
    const pairs = pairUp([person("a", { joinedAt: secondsAgo(20) }), person("b", { topic: "PostgreSQL", alsoTopics: ["Kafka"] })], history(), now);
    expect(pairs).toEqual([{ first: "a", second: "b", topic: "Kafka" }]);
  });

  it("prefers the same topic to one a partner would also take", () => {
    const waiting = [
      person("a", { joinedAt: secondsAgo(60) }),
      person("also", { topic: "Go", alsoTopics: ["Kafka"], joinedAt: secondsAgo(50) }),
      person("same"),
    ];
    expect(partnerOf(pairUp(waiting, history(), now), "a")).toEqual(["same"]);
  });

  it("prefers a close level, pairs a level apart at once, and two levels apart only after a long wait", () => {
    const waiting = [person("a", { level: "SENIOR", joinedAt: secondsAgo(60) }), person("staff", { level: "STAFF" }), person("senior", { level: "SENIOR" })];
    expect(partnerOf(pairUp(waiting, history(), now), "a")).toEqual(["senior"]);
    expect(pairUp([person("a", { level: "SENIOR" }), person("b", { level: "MID" })], history(), now)).toHaveLength(1);
    const farApart = [person("a", { level: "JUNIOR", joinedAt: secondsAgo(30) }), person("b", { level: "SENIOR" })];
    expect(pairUp(farApart, history(), now)).toEqual([]);
    const longWait = [person("a", { level: "JUNIOR", joinedAt: new Date(now.getTime() - WIDEN_LEVEL_AFTER_MS) }), person("b", { level: "SENIOR" })];
    expect(pairUp(longWait, history(), now)).toHaveLength(1);
    expect(pairUp(longWait, history(), now, { widenLevelAfterMs: Infinity })).toEqual([]);
  });

  it("prefers someone not paired with before, but pairs old partners rather than nobody", () => {
    const waiting = [person("a", { joinedAt: secondsAgo(60) }), person("old", { joinedAt: secondsAgo(50) }), person("new")];
    expect(partnerOf(pairUp(waiting, history([["a", "old"]]), now), "a")).toEqual(["new"]);
    expect(pairUp([person("a"), person("old")], history([["old", "a"]]), now)).toHaveLength(1);
  });

  it("never pairs people when either has blocked the other", () => {
    expect(pairUp([person("a"), person("b")], history([], [["b", "a"]]), now)).toEqual([]);
    const waiting = [person("a", { joinedAt: secondsAgo(60) }), person("blocked", { joinedAt: secondsAgo(50) }), person("c")];
    expect(partnerOf(pairUp(waiting, history([], [["a", "blocked"]]), now), "a")).toEqual(["c"]);
  });

  it("needs a shared language when both name some", () => {
    expect(pairUp([person("a", { languages: ["English"] }), person("b", { languages: ["Spanish"] })], history(), now)).toEqual([]);
    expect(pairUp([person("a", { languages: ["English", "Spanish"] }), person("b", { languages: ["Spanish"] })], history(), now)).toHaveLength(1);
    expect(pairUp([person("a", { languages: ["English"] }), person("b")], history(), now)).toHaveLength(1);
  });

  it("puts people who let matches lapse behind those who waited less", () => {
    const waiting = [
      person("late", { joinedAt: secondsAgo(30), noShows: 2 }),
      person("onTime", { joinedAt: secondsAgo(20) }),
      person("third", { joinedAt: secondsAgo(10) }),
    ];
    // Two lapses put "late" (30 s ago) behind "third" (10 s ago): the partner for "onTime" is "third".
    expect(2 * NO_SHOW_PENALTY_MS).toBeGreaterThan(30_000 - 10_000);
    expect(pairUp(waiting, history(), now)).toEqual([{ first: "onTime", second: "third", topic: "Kafka" }]);
  });

  it("never puts anyone in two pairs, never pairs the blocked, and leaves only people who could not be paired together", () => {
    const levels = fc.constantFrom<PracticeLevel>(...PRACTICE_LEVELS);
    const topics = fc.constantFrom("Kafka", "PostgreSQL", "Go");
    const people = fc.uniqueArray(
      fc.record({
        userId: fc.string({ minLength: 1, maxLength: 3 }),
        topic: topics,
        alsoTopics: fc.array(topics, { maxLength: 2 }),
        level: levels,
        wait: fc.nat(300),
        noShows: fc.nat(3),
      }),
      { selector: (entry) => entry.userId, maxLength: 30 },
    );
    const ids = fc.string({ minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(people, fc.array(fc.tuple(ids, ids), { maxLength: 20 }), (entries, blocks) => {
        const waiting = entries.map(({ wait, ...entry }) => person(entry.userId, { ...entry, joinedAt: secondsAgo(wait) }));
        const rules = history([], blocks);
        const pairs = pairUp(waiting, rules, now);
        const matched = pairs.flatMap((pair) => [pair.first, pair.second]);
        expect(new Set(matched).size).toBe(matched.length);
        for (const pair of pairs) expect(rules.blocked(pair.first, pair.second)).toBe(false);
        const left = waiting.filter((entry) => !matched.includes(entry.userId));
        for (const a of left) for (const b of left) if (a !== b) expect(pairUp([a, b], rules, now)).toEqual([]);
      }),
    );
  });
});
