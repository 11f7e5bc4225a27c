// npm run bench:outbox -- [--emails 2000] [--rate 50] [--seconds 10] [--burst 1000]
//
// The email outbox under load, through a real SMTP server (tests/support/smtp-sink.ts, in a process of its
// own). Emails are queued as the app queues them: queueEmails in a Prisma transaction, an interview's four
// invitations (calendar attached) in one, feedback and reset emails one per transaction. The workers run
// as app nodes do, each in its own process with its own pool (bench/outbox/node-process.ts).
//   throughput: --emails queued as fast as eight producers commit them, sent by 1 node and by 2 nodes;
//   trickle: --rate emails a second for --seconds, the delay from each commit to the SMTP server's 250;
//   burst: --burst emails committed at once, the same delay.
// The baseline in the same run: nodemailer sending the same rendered messages straight to the same SMTP
// server, as many at once as the nodes' lanes, no outbox. Every scenario is checked by Message-ID: none
// missing, none twice (the bench fails otherwise). PostgreSQL: a fresh database on TEST_DATABASE_URL's
// server, dropped after, or an embedded one. The last line is one JSON object.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDb } from "@/server/platform/db/client";
import { queueEmails, type QueuedEmail } from "@/server/services/email/outbox";
import { freePort } from "@/tests/support/free-port";
import { createTestDatabaseServer } from "@/tests/support/test-database";
import { transactionsOf } from "./outbox/emails";
import type { NodeCommand, NodeMessage } from "./outbox/node-process";
import type { SinkMessage } from "./outbox/sink-process";
import { loadAverage } from "./realtime/process-stats";

const { values: args } = parseArgs({
  options: {
    emails: { type: "string", default: "2000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
    burst: { type: "string", default: "1000" },
  },
});
const EMAILS = Number(args.emails);
const RATE = Number(args.rate);
const TRICKLE = RATE * Number(args.seconds);
const BURST = Number(args.burst);
const PRODUCERS = 8;
/** The app's default DATABASE_POOL_SIZE. */
const POOL_SIZE = 10;
const HOST = "mockroom.test";

type Db = ReturnType<typeof createDb>;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const child = (file: string) =>
  fork(fileURLToPath(new URL(file, import.meta.url)), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });

/** A node's process, once it has loaded its modules (so that no measure includes a process start). */
async function nodeProcess(): Promise<ChildProcess> {
  const node = child("./outbox/node-process.ts");
  await nextMessage(node, "loaded");
  return node;
}

function nextMessage<T>(process: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      process.off("message", onMessage);
      process.off("exit", onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`a bench process exited (${code}) before "${type}"`));
    process.on("message", onMessage);
    process.once("exit", onExit);
  });
}

interface Acceptance {
  messageId: string;
  to: string;
  at: number;
}

/** The SMTP server's process, and what it accepted, by scenario (the part of the address before its index). */
class Sink {
  readonly accepted = new Map<string, Acceptance[]>();
  private constructor(
    readonly process: ChildProcess,
    readonly port: number,
  ) {
    process.on("message", (message: SinkMessage) => {
      if (message.type !== "received") return;
      const scenario = message.to.slice(0, message.to.lastIndexOf("-"));
      const list = this.accepted.get(scenario) ?? [];
      list.push(message);
      this.accepted.set(scenario, list);
    });
  }

  static async start(): Promise<Sink> {
    const process = child("./outbox/sink-process.ts");
    const { port } = await nextMessage<{ port: number }>(process, "ready");
    return new Sink(process, port);
  }

  async waitFor(scenario: string, count: number, timeoutMs = 180_000): Promise<Acceptance[]> {
    const deadline = Date.now() + timeoutMs;
    // Distinct Message-IDs: an email sent twice must not stand for one not sent yet.
    const distinct = () => new Set(this.accepted.get(scenario)?.map((acceptance) => acceptance.messageId)).size;
    while (distinct() < count) {
      if (Date.now() > deadline) throw new Error(`${scenario}: ${distinct()} of ${count} emails arrived`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Anything sent twice would come right after.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return this.accepted.get(scenario) ?? [];
  }
}

async function startNodes(count: number, databaseUrl: string, smtpPort: number): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const node = await nodeProcess();
      node.send({ type: "outbox", databaseUrl, smtpPort, poolSize: POOL_SIZE } satisfies NodeCommand);
      await nextMessage(node, "ready");
      return node;
    }),
  );
}

async function stopNodes(nodes: ChildProcess[]): Promise<void> {
  await Promise.all(
    nodes.map(async (node) => {
      const stopped = nextMessage(node, "stopped");
      node.send({ type: "stop" } satisfies NodeCommand);
      await stopped;
    }),
  );
}

/** Commits the transactions, `producers` at a time, or each at its time for `ratePerSecond`; the instant each email's transaction returned. */
async function queue(db: Db, transactions: QueuedEmail[][], options: { producers: number; ratePerSecond?: number }): Promise<Map<string, number>> {
  const committedAt = new Map<string, number>();
  const commit = async (emails: QueuedEmail[]) => {
    await db.$transaction(async (tx) => queueEmails(tx, emails, new Date()));
    const at = Date.now();
    for (const email of emails) committedAt.set(email.to, at);
  };
  if (options.ratePerSecond) {
    const start = Date.now();
    const pending: Array<Promise<void>> = [];
    let queued = 0;
    for (const emails of transactions) {
      const wait = start + (queued * 1000) / options.ratePerSecond - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(commit(emails));
      queued += emails.length;
    }
    await Promise.all(pending);
  } else {
    let next = 0;
    const producer = async () => {
      while (next < transactions.length) await commit(transactions[next++]!);
    };
    await Promise.all(Array.from({ length: options.producers }, producer));
  }
  return committedAt;
}

interface Verdict {
  received: number;
  duplicates: number;
  missing: number;
  unexpected: number;
  unsent: number;
}

/** Every expected Message-ID received exactly once, nothing else, every row marked sent; throws otherwise. */
function verify(scenario: string, expected: string[], accepted: Acceptance[], unsent: number): Verdict {
  const ids = accepted.map((acceptance) => acceptance.messageId);
  const seen = new Set(ids);
  const wanted = new Set(expected);
  const verdict = {
    received: ids.length,
    duplicates: ids.length - seen.size,
    missing: expected.filter((id) => !seen.has(id)).length,
    unexpected: [...seen].filter((id) => !wanted.has(id)).length,
    unsent,
  };
  if (verdict.duplicates || verdict.missing || verdict.unexpected || verdict.unsent || expected.length !== wanted.size) {
    throw new Error(`${scenario}: ${JSON.stringify(verdict)} (expected ${expected.length} distinct emails)`);
  }
  return verdict;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? NaN;
}

interface Result {
  scenario: string;
  emails: number;
  seconds: number;
  emailsPerSecond: number;
  delayMs: { p50: number; p95: number; p99: number; max: number };
  verdict: Verdict;
  load: string;
}

function result(scenario: string, accepted: Acceptance[], causedAt: (to: string) => number, startedAt: number, verdict: Verdict): Result {
  const last = Math.max(...accepted.map((acceptance) => acceptance.at));
  const delays = accepted.map((acceptance) => acceptance.at - causedAt(acceptance.to)).sort((a, b) => a - b);
  const seconds = (last - startedAt) / 1000;
  const round = (value: number) => Math.round(value * 10) / 10;
  const outcome: Result = {
    scenario,
    emails: accepted.length,
    seconds: round(seconds),
    emailsPerSecond: Math.round(accepted.length / seconds),
    delayMs: { p50: percentile(delays, 0.5), p95: percentile(delays, 0.95), p99: percentile(delays, 0.99), max: delays.at(-1) ?? NaN },
    verdict,
    load: loadAverage(),
  };
  log(
    `${scenario.padEnd(30)} ${String(outcome.emails).padStart(5)} emails ${String(outcome.seconds).padStart(6)} s ${String(outcome.emailsPerSecond).padStart(5)}/s  ` +
      `delay p50/p95/p99/max ${outcome.delayMs.p50}/${outcome.delayMs.p95}/${outcome.delayMs.p99}/${outcome.delayMs.max} ms  load ${outcome.load}`,
  );
  return outcome;
}

/** The baseline: `nodes` processes send emails [0, count) of the scenario straight to the SMTP server, two at a time each. */
async function direct(sink: Sink, scenario: string, count: number, nodes: number, ratePerSecond: number | null): Promise<Result> {
  const processes = await Promise.all(Array.from({ length: nodes }, nodeProcess));
  const share = Math.ceil(count / nodes);
  const begunAt = Date.now();
  const done = await Promise.all(
    processes.map((node, n) => {
      const finished = nextMessage<Extract<NodeMessage, { type: "direct-done" }>>(node, "direct-done");
      node.send({
        type: "direct",
        smtpPort: sink.port,
        scenario,
        from: n * share,
        count: Math.min(share, count - n * share),
        concurrency: 2,
        ratePerSecond: ratePerSecond === null ? null : ratePerSecond / nodes,
      } satisfies NodeCommand);
      return finished;
    }),
  );
  const accepted = await sink.waitFor(scenario, count);
  for (const node of processes) node.disconnect();
  const startedAt = Object.assign({}, ...done.map((message) => message.startedAt)) as Record<string, number>;
  const expected = Array.from({ length: count }, (_, index) => `<${scenario}-${index}@${HOST}>`);
  const first = Math.min(...Object.values(startedAt));
  // At a rate, each email is caused when it is due; in a burst or a backlog, all are caused at once.
  return result(
    scenario,
    accepted,
    (to) => (ratePerSecond === null ? begunAt : startedAt[to]!),
    ratePerSecond === null ? first : begunAt,
    verify(scenario, expected, accepted, 0),
  );
}

/** Queues the scenario's emails on the outbox while `nodes` app nodes send it. */
async function outbox(
  db: Db,
  databaseUrl: string,
  sink: Sink,
  scenario: string,
  count: number,
  nodes: number,
  ratePerSecond?: number,
): Promise<Result & { queueSeconds: number }> {
  await db.$executeRawUnsafe(`TRUNCATE "OutboxEmail"`);
  const workers = await startNodes(nodes, databaseUrl, sink.port);
  const startedAt = Date.now();
  const committedAt = await queue(db, transactionsOf(scenario, count), { producers: PRODUCERS, ratePerSecond });
  const queueSeconds = Math.round((Date.now() - startedAt) / 100) / 10;
  const accepted = await sink.waitFor(scenario, count);
  await stopNodes(workers);
  const rows = await db.outboxEmail.findMany({ where: { to: { startsWith: `${scenario}-` } }, select: { id: true, sentAt: true } });
  const expected = rows.map((row) => `<${row.id}@${HOST}>`);
  if (rows.length !== count) throw new Error(`${scenario}: ${rows.length} rows for ${count} emails queued`);
  const verdict = verify(scenario, expected, accepted, rows.filter((row) => row.sentAt === null).length);
  return { ...result(scenario, accepted, (to) => committedAt.get(to)!, startedAt, verdict), queueSeconds };
}

function table(results: Result[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${r.emails.toLocaleString("en")} | ${r.emailsPerSecond.toLocaleString("en")} | ${r.delayMs.p50} / ${r.delayMs.p95} / ${r.delayMs.p99} / ${r.delayMs.max} | ${r.verdict.duplicates} / ${r.verdict.missing} | ${r.load} |`,
  );
  return ["| scenario | emails | emails/s | delay p50 / p95 / p99 / max ms | twice / missing | load average |", "|---|---:|---:|---|---|---|", ...rows].join(
    "\n",
  );
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  log(`load average before: ${loadBefore}`);
  const database = await createTestDatabaseServer(await freePort());
  const databaseUrl = database.templateUrl;
  const db = createDb(databaseUrl);
  const sink = await Sink.start();
  try {
    const results: Result[] = [];
    log(`throughput: ${EMAILS} emails`);
    results.push(await direct(sink, "baseline-backlog-1", EMAILS, 1, null));
    results.push(await outbox(db, databaseUrl, sink, "outbox-backlog-1", EMAILS, 1));
    results.push(await direct(sink, "baseline-backlog-2", EMAILS, 2, null));
    results.push(await outbox(db, databaseUrl, sink, "outbox-backlog-2", EMAILS, 2));
    log(`trickle: ${RATE} emails/s for ${TRICKLE / RATE} s`);
    results.push(await direct(sink, "baseline-trickle-1", TRICKLE, 1, RATE));
    results.push(await outbox(db, databaseUrl, sink, "outbox-trickle-1", TRICKLE, 1, RATE));
    results.push(await outbox(db, databaseUrl, sink, "outbox-trickle-2", TRICKLE, 2, RATE));
    log(`burst: ${BURST} emails at once`);
    results.push(await direct(sink, "baseline-burst-1", BURST, 1, null));
    results.push(await outbox(db, databaseUrl, sink, "outbox-burst-1", BURST, 1));
    results.push(await outbox(db, databaseUrl, sink, "outbox-burst-2", BURST, 2));
    log("");
    log(table(results));
    const summary = {
      emails: EMAILS,
      rate: RATE,
      trickle: TRICKLE,
      burst: BURST,
      results: Object.fromEntries(
        results.map((r) => [
          r.scenario,
          {
            emails: r.emails,
            emails_per_s: r.emailsPerSecond,
            delay_ms: r.delayMs,
            duplicates: r.verdict.duplicates,
            missing: r.verdict.missing,
            load: r.load,
          },
        ]),
      ),
      load_average_before: loadBefore,
      load_average_after: loadAverage(),
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    sink.process.disconnect();
    await db.$disconnect();
    await database.dispose();
  }
}

await main();
