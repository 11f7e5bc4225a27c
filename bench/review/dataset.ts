// A synthetic history for the review benchmark: sessions played through the room's own domain functions
// (decide, apply), so every log, snapshot and scorecard is one the live room could have written.
import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import {
  apply,
  createRoomState,
  decide,
  progressOf,
  type Actor,
  type Command,
  type QuestionSnapshot,
  type RoomEvent,
  type RoomState,
} from "@/server/domain/room";

const TOPICS = [
  "caching",
  "rate limiting",
  "consistent hashing",
  "database indexing",
  "message queues",
  "idempotency",
  "leader election",
  "logging",
  "sharding",
  "CDNs",
  "OAuth",
  "load balancing",
  "backpressure",
  "event sourcing",
  "circuit breakers",
  "bloom filters",
  "B-trees",
  "garbage collection",
  "TLS handshakes",
  "DNS",
];
const DOCUMENTS = ["System design interview", "Backend engineering questions", "SRE handbook questions", "Data engineering prep", "Security interview"];
const RECOMMENDATIONS = ["strong_no", "no", "no_decision", "yes", "strong_yes"] as const;

export interface BenchUser {
  id: string;
  name: string;
}

export interface SessionPlan {
  index: number;
  owner: BenchUser;
  observer: BenchUser;
  candidate: BenchUser;
  /** Extra note, presence and scratchpad churn, for the long sessions. */
  extraEvents: number;
  startedAt: Date;
}

export interface PlayedSession {
  id: string;
  plan: SessionPlan;
  questions: QuestionSnapshot[];
  events: Array<{ event: RoomEvent; at: Date; actorId: string }>;
  state: RoomState;
}

function question(session: number, position: number): QuestionSnapshot {
  const topic = TOPICS[(session * 7 + position * 3) % TOPICS.length]!;
  const document = DOCUMENTS[(session + position) % DOCUMENTS.length]!;
  return {
    id: randomUUID(),
    position,
    timeBoxSec: 600,
    prompt: `How would you design ${topic} for a service with ${(session % 9) + 1} million users? Walk through the trade-offs.`,
    section: [document, `Part ${(position % 4) + 1}: ${topic}`],
    answer: `A reference answer about ${topic}: start from the requirements, then the data model, then failure modes. `.repeat(8),
    keyPoints: [`Requirements for ${topic}`, "Failure modes", "Capacity estimate", "Monitoring"],
    rubric: [
      { title: "Problem solving", lookFor: ["Breaks the problem down"] },
      { title: "Communication", lookFor: ["Explains trade-offs"] },
      { title: `Knowledge of ${topic}`, lookFor: ["Knows the common designs"] },
    ],
    followUps: [1, 2, 3].map((f) => ({
      id: randomUUID(),
      prompt: `Follow-up ${f} on ${topic}: what breaks first?`,
      answer: "It depends on the load.",
      lookFor: [],
    })),
    redFlags: ["Ignores failure", "No numbers"],
    exampleScore: { score: 7, outOf: 10, reasons: ["Covers the main trade-offs"] },
    code: null,
    board: null,
    meta: { documentTitle: document, sourceFile: `${document}.md` },
    provenance: null,
  };
}

type Run = (actor: Actor, command: Command, stepMs?: number) => void;

interface Cast {
  owner: Actor;
  observer: Actor;
  candidate: Actor;
}

/** Plays one session through decide and apply: joins, the interview, notes, scratchpad, two scorecards, a release. */
export function playSession(plan: SessionPlan): PlayedSession {
  const id = randomUUID();
  const questions = [0, 1, 2, 3, 4].map((position) => question(plan.index, position));
  let state = createRoomState({ sessionId: id, questions });
  const events: PlayedSession["events"] = [];
  let clock = plan.startedAt.getTime() - 60_000;
  const cast: Cast = {
    owner: { userId: plan.owner.id, role: "INTERVIEWER" },
    observer: { userId: plan.observer.id, role: "OBSERVER" },
    candidate: { userId: plan.candidate.id, role: "CANDIDATE" },
  };
  const { owner, observer, candidate } = cast;
  const ids = () => randomUUID();
  const run: Run = (actor, command, stepMs = 20_000) => {
    clock += stepMs;
    const at = new Date(clock);
    const decision = decide(state, actor, command, at, ids);
    if (!decision.ok) throw new Error(`${command.type}: ${decision.error.message}`);
    for (const event of decision.events) {
      state = apply(state, event);
      events.push({ event, at, actorId: actor.userId });
    }
  };

  run(owner, { type: "join", name: plan.owner.name }, 1000);
  run(observer, { type: "join", name: plan.observer.name }, 1000);
  run(candidate, { type: "join", name: plan.candidate.name }, 1000);
  for (const actor of [owner, observer, candidate]) run(actor, { type: "setPresence", status: "connected" }, 500);
  clock = plan.startedAt.getTime() - 20_000;
  run(owner, { type: "start" });
  playQuestions(run, cast, questions, plan.extraEvents);
  run(owner, { type: "end" });
  submitScorecards(run, cast, questions, plan.index);
  run(owner, { type: "releaseFeedback", text: "Thank you: clear on trade-offs.", includeScores: true }, 60_000);
  run(candidate, { type: "finishSelfAssessment", ratings: [] }, 60_000);
  return { id, plan, questions, events, state };
}

/** The interview itself: each question asked, noted and answered on the scratchpad, then the next one. */
function playQuestions(run: Run, { owner, observer, candidate }: Cast, questions: QuestionSnapshot[], extraEvents: number): void {
  let extra = extraEvents;
  for (const [q, asked] of questions.entries()) {
    run(owner, { type: "revealFollowUp", questionId: asked.id, followUpId: asked.followUps[0]!.id });
    run(owner, { type: "revealFollowUp", questionId: asked.id, followUpId: asked.followUps[1]!.id });
    for (const index of [0, 1, 2]) run(owner, { type: "setKeyPointChecked", questionId: asked.id, index, checked: true });
    for (const n of [1, 2]) run(owner, { type: "addNote", body: `Q${q + 1}: note ${n} on ${asked.prompt.slice(0, 40)}` });
    run(observer, { type: "addNote", body: `Observer: Q${q + 1} went fine` });
    for (const revision of [1, 2])
      run(candidate, {
        type: "checkpointScratchpad",
        questionId: asked.id,
        text: `def answer_${q}():\n    return ${revision}\n`.repeat(revision * 3),
        revision,
      });
    run(candidate, { type: "setPresence", status: "away" }, 2000);
    run(candidate, { type: "setPresence", status: "connected" }, 2000);
    // The long sessions: note churn and presence flapping, spread over the questions.
    const churn = Math.ceil(extra / (questions.length - q));
    for (let i = 0; i < churn; i++) {
      if (i % 3 === 0) run(candidate, { type: "setPresence", status: i % 2 === 0 ? "away" : "connected" }, 300);
      else if (i % 3 === 1) run(owner, { type: "setKeyPointChecked", questionId: asked.id, index: 3, checked: i % 2 === 0 }, 300);
      else run(owner, { type: "addNote", body: `Q${q + 1}: running note ${i}` }, 300);
    }
    extra -= churn;
    if (q < questions.length - 1) run(owner, { type: "nextQuestion", fromQuestionId: asked.id });
  }
}

/** The interviewer's and the observer's scorecards: every criterion rated, a summary, submitted. */
function submitScorecards(run: Run, { owner, observer }: Cast, questions: QuestionSnapshot[], sessionIndex: number): void {
  const level = (n: number) => (((sessionIndex + n) % 4) + 1) as 1 | 2 | 3 | 4;
  for (const [actor, offset] of [
    [owner, 0],
    [observer, 1],
  ] as const) {
    for (const asked of questions) {
      for (const criterion of [0, 1, 2]) {
        run(actor, { type: "rateCriterion", questionId: asked.id, criterion, rating: level(criterion + offset), comment: "", evidence: [] }, 1000);
      }
    }
    run(
      actor,
      {
        type: "setSummary",
        recommendation: RECOMMENDATIONS[(sessionIndex + offset) % RECOMMENDATIONS.length]!,
        takeaways: "Solid",
        strengths: "",
        improvements: "",
      },
      1000,
    );
    run(actor, { type: "submitScorecard" }, 1000);
  }
}

/** Inserts rows in batches through unnest: one statement per batch and table. */
async function insertRows(pool: Pool, table: string, columns: Array<[name: string, type: string]>, rows: unknown[][]): Promise<void> {
  const BATCH = 2_000;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const names = columns.map(([name]) => `"${name}"`).join(", ");
    const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    await pool.query(
      `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`,
      columns.map((_, i) => batch.map((row) => row[i])),
    );
  }
}

export async function insertUsers(pool: Pool, users: BenchUser[]): Promise<void> {
  await insertRows(
    pool,
    "User",
    [
      ["id", "text"],
      ["name", "text"],
      ["email", "text"],
      ["updatedAt", "timestamptz"],
    ],
    users.map((user) => [user.id, user.name, `${user.id}@bench.example`, new Date()]),
  );
}

/** Writes sessions as the room would have: plan, members, the event log, and the snapshot at its end. */
export async function insertSessions(pool: Pool, sessions: PlayedSession[]): Promise<void> {
  await insertSessionRows(pool, sessions);
  await insertQuestionRows(pool, sessions);
  await insertParticipantRows(pool, sessions);
  await insertEventRows(pool, sessions);
}

async function insertSessionRows(pool: Pool, sessions: PlayedSession[]): Promise<void> {
  await insertRows(
    pool,
    "InterviewSession",
    [
      ["id", "text"],
      ["title", "text"],
      ["status", '"SessionStatus"'],
      ["createdById", "text"],
      ["candidateName", "text"],
      ["startedAt", "timestamptz"],
      ["endedAt", "timestamptz"],
      ["version", "int"],
      ["snapshot", "jsonb"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    sessions.map((session) => [
      session.id,
      `Loop ${session.plan.index}: ${session.questions[0]!.prompt.slice(23, 60)}`,
      "ENDED",
      session.plan.owner.id,
      session.plan.candidate.name,
      session.state.startedAt,
      session.state.endedAt,
      session.events.length,
      JSON.stringify(progressOf(session.state)),
      new Date(session.plan.startedAt.getTime() - 86_400_000),
      session.state.endedAt,
    ]),
  );
}

async function insertQuestionRows(pool: Pool, sessions: PlayedSession[]): Promise<void> {
  await insertRows(
    pool,
    "SessionQuestion",
    [
      ["id", "text"],
      ["sessionId", "text"],
      ["position", "int"],
      ["timeBoxSec", "int"],
      ["snapshot", "jsonb"],
    ],
    sessions.flatMap((session) =>
      session.questions.map(({ id, position, timeBoxSec, ...stored }) => [id, session.id, position, timeBoxSec, JSON.stringify(stored)]),
    ),
  );
}

async function insertParticipantRows(pool: Pool, sessions: PlayedSession[]): Promise<void> {
  await insertRows(
    pool,
    "Participant",
    [
      ["id", "text"],
      ["sessionId", "text"],
      ["userId", "text"],
      ["role", '"ParticipantRole"'],
    ],
    sessions.flatMap((session) => [
      [randomUUID(), session.id, session.plan.owner.id, "INTERVIEWER"],
      [randomUUID(), session.id, session.plan.observer.id, "OBSERVER"],
      [randomUUID(), session.id, session.plan.candidate.id, "CANDIDATE"],
    ]),
  );
}

async function insertEventRows(pool: Pool, sessions: PlayedSession[]): Promise<void> {
  await insertRows(
    pool,
    "SessionEvent",
    [
      ["id", "text"],
      ["sessionId", "text"],
      ["seq", "int"],
      ["type", "text"],
      ["actorId", "text"],
      ["payload", "jsonb"],
      ["idempotencyKey", "text"],
      ["createdAt", "timestamptz"],
    ],
    sessions.flatMap((session) =>
      session.events.map(({ event, at, actorId }, i) => [
        randomUUID(),
        session.id,
        i + 1,
        event.type,
        actorId,
        JSON.stringify(event.payload),
        randomUUID(),
        at,
      ]),
    ),
  );
}
