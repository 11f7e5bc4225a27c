import { processRuntime } from "@/server/platform/process-runtime";
import fc from "fast-check";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { parseBankDocument } from "@/server/bank/parse-bank-document";
import { PROTOCOL_VERSION, clientPayloadSchemas } from "@/server/realtime/protocol";
import { acceptInvite } from "@/server/services/invites/links";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase, roomCommand } from "../support/db";
import { createAccount, databaseDigest, interviewOf, settledDatabaseDigest, signedIn, type Account } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";

// Generated hostile payloads for every tRPC procedure and every Socket.IO event, against the real app.
// Each must end in a clear answer (success, or a 4xx / an error code that is not INTERNAL), a refused one
// must write nothing, and the server must stay healthy. FUZZ_RUNS sets the number of payloads per surface
// (CI: 1,000 each; `npm run test:fuzz` runs 10,000 each).

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const SOCKET_POOL = 8;

const database = await fileDatabase();
const { url: databaseUrl, db } = database;
let app: AppServer;
let owner: Account;
let owned: HttpSession;
let world: Awaited<ReturnType<typeof interviewOf>>;
const counts = { trpc: { total: 0, accepted: 0, refused: 0 }, socket: { total: 0, accepted: 0, refused: 0, rateLimited: 0, unanswered: 0 } };

beforeAll(async () => {
  app = await startAppServer(databaseUrl);
  owner = await createAccount(db, "Fuzzy");
  const observer = await createAccount(db, "Watcher");
  const candidate = await createAccount(db, "Cand");
  owned = await signedIn(app.url, owner);
  world = await interviewOf(db, owner, observer, "fuzz");
  await acceptInvite(db, processRuntime().engine, candidate, world.candidateToken, new Date());
  for (const command of [{ type: "join", name: "Fuzzy" }, { type: "start" }] as const) {
    await roomCommand(database, world.sessionId, owner.id, command);
  }
}, 120_000);

afterAll(async () => {
  console.log(`fuzz: ${JSON.stringify(counts)}`);
  await app.kill();
  await db.$disconnect();
});

// ---------------------------------------------------------------- generators

const nasty = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u202e\u0301",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "9".repeat(400),
  "",
  " ",
);
const hugeString = fc.constantFrom(200_000, 1_000_000).map((length) => "x".repeat(length));
const hostileString = (huge: boolean) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string() },
    { weight: 3, arbitrary: fc.string({ unit: "binary" }) },
    { weight: 4, arbitrary: nasty },
    { weight: huge ? 1 : 0, arbitrary: hugeString },
  );
const hostileKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "type", "sessionId", "id", "command", "files", "items"),
);
// Deeper values overflow the clients' own encoders (superjson, socket.io-parser); far deeper raw frames are tested below.
const deep = fc.integer({ min: 50, max: 1_000 }).map((depth) => {
  let value: object = { bottom: true };
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  // Shown as "deep(N)" in a failure report (printing it whole would overflow the stack); JSON ignores it.
  Object.defineProperty(value, fc.toStringMethod, { value: () => `deep(${depth})`, enumerable: false });
  return value;
});
/** Any JSON-like value, some of them huge (not for sockets, whose 128 KB message limit closes the connection: tested on its own). */
const hostileValues = (huge: boolean) =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileString(huge),
      fc.integer(),
      fc.double(),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -0),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(hostileKey, tie("value"), { maxKeys: 5 }),
      deep,
    ),
  })).value;

/** A small document as its preview shows it, whose question a correction is previewed on. */
const previewed = parseBankDocument({
  bytes: new TextEncoder().encode("# A\n\n## 1. Why a log?\n\n**Difficulty:** Medium\n\nDurability first.\n"),
  sourceFile: "a.md",
});

/** A valid-looking input for each procedure, so that mutations reach past the outermost checks. */
function sampleInputs(): Record<string, unknown> {
  const question = world.questionIds[0];
  return {
    "account.signUp": { name: "Fuzz", email: "fuzz@example.com", password: "long enough password" },
    "account.me": undefined,
    "account.updateProfile": { name: "Fuzz", timeZone: "Europe/Paris" },
    "account.requestPasswordReset": { email: "fuzz@example.com" },
    "account.resetPassword": { token: "token.token", password: "long enough password" },
    "account.verifyEmail": { token: "token.token" },
    "account.resendVerification": undefined,
    "account.requestEmailChange": { newEmail: "fuzz-new@example.com", password: "long enough password" },
    "account.confirmEmailChange": { token: "token.token" },
    "email.unsubscribe": { token: "token.token" },
    "dashboard.summary": undefined,
    "practice.topics": undefined,
    "practice.profile": undefined,
    "practice.saveProfile": { topics: ["Kafka"], level: "SENIOR", languages: ["English"], timeZone: "Europe/Paris" },
    "practice.status": undefined,
    "practice.join": { topic: "Kafka" },
    "practice.leave": undefined,
    "practice.stillHere": undefined,
    "practice.accept": { proposalId: "00000000-0000-4000-8000-000000000000" },
    "practice.decline": { proposalId: "00000000-0000-4000-8000-000000000000" },
    "practice.swap": { peerSessionId: "00000000-0000-4000-8000-000000000000" },
    "practice.block": { peerSessionId: "00000000-0000-4000-8000-000000000000" },
    "practice.session": { peerSessionId: "00000000-0000-4000-8000-000000000000" },
    "practice.sessions": undefined,
    "practice.report": { peerSessionId: "00000000-0000-4000-8000-000000000000", reason: "Rude" },
    "practice.leaveNoShow": { peerSessionId: "00000000-0000-4000-8000-000000000000" },
    "practice.slots": { topic: "Kafka" },
    "practice.book": { startsAt: "2026-12-31T10:00:00.000Z", topic: "Kafka" },
    "practice.cancelBooking": { bookingId: "00000000-0000-4000-8000-000000000000" },
    "practice.submitFeedback": {
      peerSessionId: "00000000-0000-4000-8000-000000000000",
      ratings: [3],
      communication: 4,
      problemSolving: 3,
      strengths: "Clear",
      improve: "Go deeper",
    },
    "bank.search": { q: "cache", limit: 5 },
    "bank.facets": {},
    "bank.export": {},
    "bank.question": { id: question },
    "bank.preview": { files: [{ name: "a.md", encoding: "text", content: "# A\n\n## 1. Why?\n\nBecause.\n" }] },
    "bank.previewCorrection": {
      document: previewed,
      question: previewed.questions[0],
      correction: { prompt: "P", followUps: [], rubric: [{ title: "T", lookFor: [] }] },
    },
    "bank.import": { files: [{ name: "a.md", encoding: "text", content: "# A\n\n## 1. Why?\n\nBecause.\n" }] },
    "bank.copyDocument": { documentId: "doc" },
    "bank.updateQuestion": { id: question, prompt: "P", followUps: [], rubric: [{ title: "T", lookFor: [] }] },
    "bank.updateCompetencies": {
      documentId: "doc",
      competencies: [
        { key: "coding", name: "Coding", description: "" },
        { name: "New one", description: "d" },
      ],
    },
    "bank.deleteDocument": { documentId: "doc" },
    "interview.create": { title: "T", items: [{ bankQuestionId: question, timeBoxSec: null }] },
    "interview.list": undefined,
    "interview.templates": undefined,
    "interview.myRole": { sessionId: world.sessionId },
    "interview.plan": { sessionId: world.sessionId },
    "interview.updatePlan": { sessionId: world.sessionId, title: "T", items: [{ bankQuestionId: question, timeBoxSec: null }] },
    "interview.createInvite": { sessionId: world.sessionId, role: "OBSERVER" },
    "interview.schedule": { sessionId: world.sessionId, startsAtLocal: "2030-01-07T14:00", timeZone: "Europe/Paris", durationMin: 45, reminders: ["24h"] },
    "interview.inviteByEmail": { sessionId: world.sessionId, email: "fuzz-invitee@example.com", name: "Fuzz", role: "OBSERVER" },
    "interview.withdrawInvitation": { invitationId: "invitation" },
    // A session that does not exist, as for delete: the world's interview stays planned for the others.
    "interview.cancel": { sessionId: "no-such-session" },
    "interview.revokeInvite": { inviteId: "invite" },
    "interview.removeParticipant": { sessionId: world.sessionId, userId: "user" },
    "interview.saveTemplate": { sessionId: world.sessionId, title: "T" },
    // A session that does not exist: a mutated input that stays valid must still write nothing.
    "interview.delete": { sessionId: "no-such-session" },
    "review.history": { search: "cache", status: "ENDED", sort: "newest", page: 1 },
    "review.progress": undefined,
    "review.session": { sessionId: world.sessionId },
    "review.replay": { sessionId: world.sessionId, perspective: "own" },
    "review.export": { sessionId: world.sessionId, format: "markdown" },
    "review.setHidden": { sessionId: "no-such-session", hidden: true },
    "invite.describe": { token: "token-token-token" },
    "invite.accept": { token: "token-token-token" },
    "rtc.iceServers": { sessionId: world.sessionId },
  };
}

/** Replaces one value somewhere inside `sample` (or the whole of it) with a hostile one. */
function mutated(sample: unknown, hostileValue: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (sample === null || typeof sample !== "object") return hostileValue;
  const entries = Object.entries(sample as Record<string, unknown>);
  if (entries.length === 0) return fc.dictionary(hostileKey, hostileValue, { maxKeys: 3 });
  return fc.oneof(
    hostileValue,
    fc
      .constantFrom(...entries.map(([key]) => key))
      .chain((key) =>
        mutated((sample as Record<string, unknown>)[key], hostileValue).map((value) =>
          Array.isArray(sample) ? Object.assign([...sample], { [key]: value }) : { ...(sample as object), [key]: value },
        ),
      ),
    fc.tuple(hostileKey, hostileValue).map(([key, value]) => ({ ...(sample as object), [key]: value })),
  );
}

// ---------------------------------------------------------------- tRPC over raw HTTP

const procedureTypes = Object.fromEntries(
  Object.entries(appRouter._def.procedures).map(([path, procedure]) => [path, (procedure as unknown as { _def: { type: string } })._def.type]),
);

interface TrpcAnswer {
  status: number;
  appCode: string | null;
}

/** Node's HTTP parser refuses a request line and headers over 16 KiB before any app code runs. */
const MAX_HEADER_BYTES = 16 * 1024;

async function callRaw(path: string, input: unknown, rawBody?: string): Promise<TrpcAnswer> {
  // Plain JSON values need no superjson metadata: {"json": input} is what the client would send.
  const encoded = rawBody ?? JSON.stringify({ json: input });
  const url = `/api/trpc/${path}?input=${encodeURIComponent(encoded)}`;
  if (procedureTypes[path] === "query" && url.length > MAX_HEADER_BYTES) {
    // Node answers 431 and closes the connection while such a request is still being written, so the
    // client may see the reset rather than the answer. Either way the app never sees it.
    const response = await owned.fetch(url).catch(() => null);
    return { status: response?.status ?? 431, appCode: null };
  }
  const response =
    procedureTypes[path] === "query"
      ? await owned.fetch(url)
      : await owned.fetch(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: encoded });
  const text = await response.text();
  let appCode: string | null = null;
  try {
    const body = JSON.parse(text) as { error?: { json?: { data?: { appCode?: string } } } };
    appCode = body.error?.json?.data?.appCode ?? null;
  } catch {
    // Not JSON: a plain answer from the server in front of tRPC (413, 431); the status says enough.
  }
  return { status: response.status, appCode };
}

describe("fuzzing", () => {
  it(`answers ${RUNS} generated tRPC inputs clearly, writes nothing when refusing, and stays healthy`, async () => {
    const samples = sampleInputs();
    const paths = Object.keys(procedureTypes);
    expect(paths.sort()).toEqual(Object.keys(samples).sort());
    const rawBodies = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        '{"json":',
        '{"json":{"a":1},"meta":{"values":{"a":["map"]}}}',
        '{"json":{},"meta":{"values":{"__proto__.polluted":["Date"]}}}',
        '{"json":{"__proto__":{"polluted":1}}}',
        "null",
        "[]",
        '"\\u0000"',
      ),
    );
    const payload = fc
      .constantFrom(...paths)
      .chain((path) =>
        fc.oneof(
          { weight: 5, arbitrary: mutated(samples[path], hostileValues(true)).map((input) => ({ path, input, raw: undefined as string | undefined })) },
          { weight: 1, arbitrary: rawBodies.map((raw) => ({ path, input: undefined, raw })) },
        ),
      );
    await fc.assert(
      fc.asyncProperty(payload, async ({ path, input, raw }) => {
        const before = await databaseDigest(db);
        const answer = await callRaw(path, input, raw);
        counts.trpc.total++;
        expect(answer.status, `${path}: ${JSON.stringify(answer)}`).toBeLessThan(500);
        expect(answer.appCode).not.toBe("INTERNAL");
        if (answer.status >= 400) {
          counts.trpc.refused++;
          expect(await databaseDigest(db), `${path} was refused but wrote`).toBe(before);
        } else {
          counts.trpc.accepted++;
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await owned.fetch("/api/health")).status).toBe(200);
    expect(app.stderr()).not.toMatch(/tRPC .* failed|Unhandled|TypeError|RangeError/);
  }, 600_000);

  it(`answers ${RUNS} generated Socket.IO messages clearly, writes nothing when refusing, and stays healthy`, async () => {
    // Each socket may send 10 messages a second (40 at once); a pool lets payloads reach past the rate limit.
    const pool: Socket[] = [];
    for (let i = 0; i < SOCKET_POOL; i++) {
      const socket: Socket = io(app.url, { transports: ["websocket"], extraHeaders: { cookie: owned.cookieHeader() }, reconnection: false, forceNew: true });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const join = (await socket.timeout(5_000).emitWithAck("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId: world.sessionId, lastSeq: null })) as {
        ok: boolean;
      };
      expect(join.ok).toBe(true);
      pool.push(socket);
    }
    let turn = 0;
    const hostileValue = hostileValues(false);
    /** A clock sync answered, waiting out this socket's rate limit if the fuzzing ran into it. */
    const clockSync = async (socket: Socket): Promise<boolean> => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const reply = (await socket.timeout(5_000).emitWithAck("time:sync", { clientSentAt: 1 })) as { ok: boolean; code?: string };
        if (reply.code !== "RATE_LIMITED") return reply.ok;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return false;
    };

    const commandSamples: unknown[] = [
      { type: "setPresence", status: "away" },
      { type: "nextQuestion", fromQuestionId: "q" },
      { type: "goToQuestion", questionId: "q" },
      { type: "revealFollowUp", questionId: "q", followUpId: "f" },
      { type: "setKeyPointChecked", questionId: "q", index: 0, checked: true },
      { type: "addNote", body: "note" },
      { type: "editNote", noteId: "n", body: "b" },
      { type: "deleteNote", noteId: "n" },
      { type: "setScore", questionId: "q", outOf: 10, criteria: [{ index: 0, score: 1, comment: "" }], overall: 1, comment: "" },
      { type: "editScratchpad", questionId: "q", baseRevision: 0, changes: [{ from: 0, to: 0, insert: "t" }] },
      { type: "checkpointScratchpad", questionId: "q", text: "t", revision: 1 },
      { type: "join", name: "Interviewer" },
      { type: "removeParticipant", userId: "u" },
    ];
    const samples: Record<string, unknown> = {
      "room:join": { protocolVersion: PROTOCOL_VERSION, sessionId: world.sessionId, lastSeq: 0 },
      "room:leave": { sessionId: "other" },
      "time:sync": { clientSentAt: 1 },
    };
    const events = Object.keys(clientPayloadSchemas);
    const message = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(...commandSamples)
          .chain((command) => mutated({ sessionId: world.sessionId, idempotencyKey: "k".repeat(16), command }, hostileValue))
          .map((payload) => ({ event: "room:command", payload, ack: true })),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...events).chain((event) => mutated(samples[event] ?? {}, hostileValue).map((payload) => ({ event, payload, ack: true }))),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...events), fc.uint8Array({ maxLength: 2048 }))
          .map(([event, bytes]) => ({ event, payload: Buffer.from(bytes), ack: true })),
      },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...events), hostileValue).map(([event, payload]) => ({ event, payload, ack: false })) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), hostileValue).map(([event, payload]) => ({ event: `x:${event}`, payload, ack: true })),
      },
    );

    await fc.assert(
      fc.asyncProperty(message, async ({ event, payload, ack }) => {
        counts.socket.total++;
        const socket = pool[turn++ % pool.length] as Socket;
        const before = await databaseDigest(db);
        if (!ack) {
          socket.emit(event, payload);
          // Without an acknowledgement there is no answer; the server must simply ignore it.
          expect(await clockSync(socket)).toBe(true);
          counts.socket.unanswered++;
          expect(await databaseDigest(db)).toBe(before);
          return;
        }
        if (!(event in clientPayloadSchemas)) {
          // An unknown event is never answered and changes nothing. Messages are handled in order, so an
          // answer to it would arrive before the answer to the clock sync sent after it.
          let answered = false;
          socket.emit(event, payload, () => {
            answered = true;
          });
          expect(await clockSync(socket)).toBe(true);
          expect(answered).toBe(false);
          counts.socket.unanswered++;
          expect(await databaseDigest(db)).toBe(before);
          return;
        }
        const reply = (await socket
          .timeout(5_000)
          .emitWithAck(event, payload)
          .catch(() => null)) as { ok: boolean; code?: string } | null;
        expect(reply, `${event} got no answer`).not.toBeNull();
        expect(reply?.code).not.toBe("INTERNAL");
        if (reply?.code === "RATE_LIMITED") counts.socket.rateLimited++;
        if (reply?.ok) {
          counts.socket.accepted++;
        } else {
          counts.socket.refused++;
          expect(await databaseDigest(db), `${event} was refused but wrote: ${JSON.stringify(reply)}`).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    for (const socket of pool) {
      expect(socket.connected).toBe(true);
      socket.close();
    }
    expect((await owned.fetch("/api/health")).status).toBe(200);
    expect(app.stderr()).not.toMatch(/handler failed|Unhandled|TypeError|RangeError/);
  }, 600_000);

  it("refuses very deep JSON over HTTP and Socket.IO, closes an oversized frame's socket, and stays up", async () => {
    const deepJson = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;
    // The sockets the test before closed are still being recorded as gone.
    const before = await settledDatabaseDigest(db);
    const answer = await callRaw("interview.create", undefined, `{"json":{"title":${deepJson(100_000)},"items":[]}}`);
    expect(answer.status).toBe(400);
    expect(answer.appCode).toBe("BAD_REQUEST");

    const socket: Socket = io(app.url, { transports: ["websocket"], extraHeaders: { cookie: owned.cookieHeader() }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    // socket.io-client cannot encode such values; frames are written as an attacker would, by hand.
    // 60,000 levels fit the message limit (MAX_PAYLOAD_BYTES in server/realtime/socket-io.ts, about 309 KiB); 500,000 do not.
    const reply = new Promise<string>((resolve) =>
      socket.io.engine.on("packet", (packet) => typeof packet.data === "string" && packet.data.startsWith("3777") && resolve(packet.data)),
    );
    socket.io.engine.write(`2777["room:join",{"protocolVersion":${PROTOCOL_VERSION},"sessionId":${deepJson(60_000)},"lastSeq":null}]`);
    expect(JSON.parse((await reply).slice(4))).toEqual([{ ok: false, code: "BAD_REQUEST", message: "That message was malformed." }]);
    // Past the limit, the server closes that socket and nothing else.
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    socket.io.engine.write(`2778["room:join",{"protocolVersion":${PROTOCOL_VERSION},"sessionId":${deepJson(500_000)},"lastSeq":null}]`);
    expect(await closed).toBe("transport close");
    expect(await databaseDigest(db)).toBe(before);
    expect((await owned.fetch("/api/health")).status).toBe(200);
  });
});
