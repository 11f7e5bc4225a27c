// The people of the practice bench, written straight into the database (setup, not measured): accounts
// without passwords, practice profiles on the bundled bank's largest topics, and a session cookie each.
import pg from "pg";
import type { PracticeLevel } from "@/server/domain/practice/levels";
import type { Db } from "@/server/platform/db/client";
import { practiceTopics } from "@/server/services/practice/topics";
import { forgedSessionCookie, TEST_AUTH_SECRET } from "@/tests/support/test-auth";

export interface BenchPerson {
  id: string;
  name: string;
  /** The topic they join the queue for. */
  topic: string;
  /** Their profile's other topic, which they would also take (about half have one). */
  alsoTopic: string | null;
  level: PracticeLevel;
  /** A next-auth session cookie ("name=value"). */
  cookie: string;
}

/** Weighted toward the middle, as a community of practising engineers would be. */
const LEVELS: Array<[PracticeLevel, number]> = [
  ["JUNIOR", 0.15],
  ["MID", 0.35],
  ["SENIOR", 0.35],
  ["STAFF", 0.15],
];

/** A seeded generator (mulberry32), so that every run and every scenario has the same people. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `count` practice topics with the most questions, as the app lists them (server/services/practice/topics.ts). */
export async function largestTopics(db: Db, count: number): Promise<string[]> {
  const topics = await practiceTopics(db);
  if (topics.length < 2) throw new Error(`the bundled bank has ${topics.length} practice topics`);
  return [...topics]
    .sort((a, b) => b.questions - a.questions)
    .slice(0, count)
    .map((entry) => entry.topic);
}

function levelAt(draw: number): PracticeLevel {
  let sum = 0;
  for (const [level, weight] of LEVELS) {
    sum += weight;
    if (draw < sum) return level;
  }
  return "MID";
}

/**
 * Inserts `count` people with their profiles. Sessions are minted as next-auth's JWT sign-in mints them
 * (the app nodes run with TEST_AUTH_SECRET): 2,000 password sign-ins would measure scrypt, not matching,
 * and tests/security covers sign-in.
 */
export async function insertPeople(databaseUrl: string, topics: string[], count: number): Promise<BenchPerson[]> {
  const draw = random(20261208);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(draw() * list.length)]!;
  const people = await Promise.all(
    Array.from({ length: count }, async (_, i): Promise<BenchPerson> => {
      const topic = pick(topics);
      const alsoTopic = draw() < 0.5 ? pick(topics.filter((other) => other !== topic)) : null;
      const level = levelAt(draw());
      const id = `bench-practice-${i}`;
      const name = `Practitioner ${i}`;
      return { id, name, topic, alsoTopic, level, cookie: await forgedSessionCookie({ id, name }, TEST_AUTH_SECRET) };
    }),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = people.map((person) => person.id);
    await client.query(`INSERT INTO "User" ("id", "name", "updatedAt") SELECT *, now() FROM unnest($1::text[], $2::text[])`, [
      ids,
      people.map((person) => person.name),
    ]);
    await client.query(
      `INSERT INTO "PracticeProfile" ("userId", "topics", "level", "languages")
       SELECT p."userId", array_remove(ARRAY[p."topic", p."also"], NULL), p."level", '{}'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::"PracticeLevel"[]) AS p("userId", "topic", "also", "level")`,
      [ids, people.map((person) => person.topic), people.map((person) => person.alsoTopic), people.map((person) => person.level)],
    );
  } finally {
    await client.end();
  }
  return people;
}
