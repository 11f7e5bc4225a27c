// npm run bench:review -- [--sessions 10000] [--events 1000000] [--runs 20]
//
// Server time of the review pages on a synthetic history: 10,000 ended sessions and 1,000,000 events,
// played through the room's own domain functions (bench/review/dataset.ts). One interviewer owns 2,000
// of them and one candidate took 100; one session has a 2,000-event log. Each measure is the service
// call behind the page (what the tRPC procedure runs), median and p95 over --runs, beside a baseline in
// the same run: the plain list the /interviews page loads, and one round trip to the database.
// Embedded PostgreSQL unless TEST_DATABASE_URL names a server. The last line is one JSON object.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "@/server/platform/db/client";
import { historyFiltersSchema, type HistoryFiltersInput } from "@/server/domain/review/history-filters";
import { replayFor } from "@/server/domain/review/replay";
import { createRoomState } from "@/server/domain/room";
import { listInterviews } from "@/server/services/interviews/plan";
import { sessionHistory } from "@/server/services/review/history";
import { progressOf } from "@/server/services/review/progress";
import { sessionReplay, sessionReview } from "@/server/services/review/session-review";
import { freePort } from "@/tests/support/free-port";
import { createTestDatabaseServer } from "@/tests/support/test-database";
import { loadAverage } from "./realtime/process-stats";
import { insertSessions, insertUsers, playSession, type BenchUser, type PlayedSession, type SessionPlan } from "./review/dataset";

const { values: args } = parseArgs({
  options: {
    sessions: { type: "string", default: "10000" },
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "20" },
  },
});
const SESSIONS = Number(args.sessions);
const EVENTS = Number(args.events);
const RUNS = Number(args.runs);
const HEAVY_OWNER_SESSIONS = Math.min(2_000, SESSIONS);
const HEAVY_CANDIDATE_SESSIONS = Math.min(100, SESSIONS);
const LONG_SESSION_EVENTS = 2_000;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const users = (prefix: string, count: number): BenchUser[] => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i}` }));

async function measure(name: string, run: () => Promise<unknown>): Promise<{ name: string; p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = { name, p50: round(times[Math.floor(times.length / 2)]!), p95: round(times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!) };
  log(`${name.padEnd(58)} p50 ${String(result.p50).padStart(7)} ms   p95 ${String(result.p95).padStart(7)} ms`);
  return result;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

interface Cast {
  owners: BenchUser[];
  observers: BenchUser[];
  candidates: BenchUser[];
  heavyOwner: BenchUser;
  heavyCandidate: BenchUser;
}

interface Dataset {
  events: number;
  longSession: PlayedSession;
  /** Events of a played session, and the churn added to each ordinary one so that the log comes to --events. */
  perSession: number;
  extraPerSession: number;
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const database = await createTestDatabaseServer(await freePort());
  const pool = new pg.Pool({ connectionString: database.templateUrl, max: 10 });
  const db = createDb(database.templateUrl);
  try {
    const owners = users("owner", 100);
    const observers = users("observer", 50);
    const candidates = users("candidate", 3_000);
    await insertUsers(pool, [...owners, ...observers, ...candidates]);
    const cast: Cast = { owners, observers, candidates, heavyOwner: owners[0]!, heavyCandidate: candidates[0]! };
    const dataset = await writeDataset(pool, cast);
    const results = await measurePages(db, pool, cast, dataset);
    const summary = {
      sessions: SESSIONS,
      events: dataset.events,
      runs: RUNS,
      results: Object.fromEntries(results.map((result) => [result.name, { p50_ms: result.p50, p95_ms: result.p95 }])),
      load_average_before: loadBefore,
      load_average_after: loadAverage(),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await db.$disconnect();
    await pool.end();
    await database.dispose();
  }
}

/** Plays and writes the --sessions sessions in batches, the first one the long session. */
async function writeDataset(pool: pg.Pool, cast: Cast): Promise<Dataset> {
  const { owners, observers, candidates, heavyOwner, heavyCandidate } = cast;
  // Events per ordinary session, so that the whole log comes to --events.
  const probe = playSession({ index: 0, owner: heavyOwner, observer: observers[0]!, candidate: heavyCandidate, extraEvents: 0, startedAt: new Date() });
  const perSession = probe.events.length;
  const extraPerSession = Math.max(0, Math.round((EVENTS - LONG_SESSION_EVENTS) / (SESSIONS - 1)) - perSession);
  log(`${SESSIONS} sessions, ${perSession + extraPerSession} events each (a played session has ${perSession}), one of ${LONG_SESSION_EVENTS}`);

  const started = performance.now();
  let events = 0;
  let longSession: PlayedSession | null = null;
  const year = 365 * 86_400_000;
  const BATCH = 250;
  for (let from = 0; from < SESSIONS; from += BATCH) {
    const batch: PlayedSession[] = [];
    for (let index = from; index < Math.min(SESSIONS, from + BATCH); index++) {
      const plan: SessionPlan = {
        index,
        owner: index < HEAVY_OWNER_SESSIONS ? heavyOwner : owners[1 + (index % (owners.length - 1))]!,
        observer: observers[index % observers.length]!,
        candidate: index % Math.floor(SESSIONS / HEAVY_CANDIDATE_SESSIONS) === 1 ? heavyCandidate : candidates[1 + (index % (candidates.length - 1))]!,
        extraEvents: index === 0 ? LONG_SESSION_EVENTS - perSession : extraPerSession,
        startedAt: new Date(Date.now() - year + (index / SESSIONS) * year),
      };
      const session = playSession(plan);
      if (index === 0) longSession = session;
      events += session.events.length;
      batch.push(session);
    }
    await insertSessions(pool, batch);
    if ((from / BATCH) % 8 === 0) log(`  ${from + batch.length} sessions, ${events} events written (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  await pool.query("ANALYZE");
  log(`dataset: ${SESSIONS} sessions, ${events} events in ${Math.round((performance.now() - started) / 1000)} s`);
  if (!longSession) throw new Error("no long session");
  return { events, longSession, perSession, extraPerSession };
}

/** Each page's service call, in the order of the log and the JSON line, after the two baselines. */
async function measurePages(db: ReturnType<typeof createDb>, pool: pg.Pool, { heavyOwner, heavyCandidate }: Cast, dataset: Dataset) {
  const { longSession, perSession, extraPerSession } = dataset;
  const owner = { id: heavyOwner.id, name: heavyOwner.name, email: null, isGuest: false };
  const candidate = { id: heavyCandidate.id, name: heavyCandidate.name, email: null, isGuest: false };
  const history = (user: typeof owner, filters: HistoryFiltersInput) => () => sessionHistory(pool, user, historyFiltersSchema.parse(filters));
  const ordinary = (
    await pool.query<{ id: string }>(`SELECT "id" FROM "InterviewSession" WHERE "createdById" = $1 ORDER BY "startedAt" DESC LIMIT 1`, [heavyOwner.id])
  ).rows[0]!.id;
  const longLog = longSession.events.map(({ event, at }, i) => ({ seq: i + 1, at: at.toISOString(), event }));
  const empty = createRoomState({ sessionId: longSession.id, questions: longSession.questions });

  return [
    await measure("baseline: one database round trip", () => pool.query("SELECT 1")),
    await measure(`baseline: /interviews list (${HEAVY_OWNER_SESSIONS} sessions)`, () => listInterviews(db, heavyOwner.id)),
    await measure("history: first page, newest first", history(owner, {})),
    await measure("history: search in prompts", history(owner, { search: "consistent hashing" })),
    await measure(
      "history: recommendation + date range, longest first",
      history(owner, { recommendation: "yes", from: "2026-01-01", to: "2026-12-31", sort: "longest" }),
    ),
    await measure("history: page 50", history(owner, { page: 50 })),
    await measure("history: document filter", history(owner, { document: "SRE handbook questions" })),
    await measure("history: candidate, question search", history(candidate, { question: "caching" })),
    await measure(`session page: ${perSession + extraPerSession}-event session`, () => sessionReview(db, pool, owner, ordinary)),
    await measure(`session page: ${LONG_SESSION_EVENTS}-event session`, () => sessionReview(db, pool, owner, longSession.id)),
    await measure(`replay: ${LONG_SESSION_EVENTS}-event session (read, validate, fold)`, () => sessionReplay(db, pool, owner, longSession.id, "own")),
    await measure(`replay: ${LONG_SESSION_EVENTS}-event session, candidate's perspective`, () => sessionReplay(db, pool, owner, longSession.id, "candidate")),
    await measure(`replay: ${LONG_SESSION_EVENTS} events, domain fold only`, async () =>
      replayFor(empty, longLog, { userId: heavyOwner.id, role: "INTERVIEWER" }, "own"),
    ),
    await measure("progress: 100 latest sessions (calibration)", () => progressOf(pool, owner)),
  ];
}

await main();
