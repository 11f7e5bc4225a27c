import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queueEmails, type QueuedEmail } from "@/server/services/email/outbox";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase, type FileDatabase } from "../support/db";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

// The real app (npm start) sending the outbox, killed with SIGKILL in the middle of it and started again
// on the same database. The SMTP server takes a while over each message (delayMs), so a kill falls while
// emails are being sent. An email can only be sent twice if the kill falls after the SMTP server has the
// whole message and before the worker's COMMIT (the server accepts; the row is still unsent and unlocked
// once the process is gone): the test finds those right after each kill, as the messages the server
// accepted whose rows are not marked sent, and expects exactly those, and only those, a second time.

const EMAILS = 500;
const SINK_DELAY_MS = 15;

let database: FileDatabase;
const sinks: SmtpSink[] = [];
const apps: AppServer[] = [];

beforeAll(async () => {
  database = await fileDatabase();
});

// A test that failed half-way must not leave an app sending the next test's emails.
afterEach(async () => {
  for (const app of apps.splice(0)) await app.kill("SIGKILL");
});

afterAll(async () => {
  for (const sink of sinks) await sink.close();
  await database.pool.end();
  await database.db.$disconnect();
});

function feedback(to: string): QueuedEmail {
  return { kind: "feedbackReady", to, payload: { sessionId: "s1", title: "System design", recipientName: null } };
}

/** Queues the emails in transactions of 50, as a burst of changes would. */
async function queue(prefix: string): Promise<string[]> {
  const addresses = Array.from({ length: EMAILS }, (_, index) => `${prefix}-${index}@example.com`);
  for (let from = 0; from < EMAILS; from += 50) {
    await database.db.$transaction(async (tx) => queueEmails(tx, addresses.slice(from, from + 50).map(feedback), new Date()));
  }
  return addresses;
}

async function startApp(sink: SmtpSink): Promise<AppServer> {
  const app = await startAppServer(database.url, { env: { ...sink.env } });
  apps.push(app);
  return app;
}

/** The outbox row's id in a Message-ID the worker set (`<rowId@host>`). */
const rowIdOf = (messageId: string | undefined) => (messageId ?? "").replace(/^</, "").replace(/@.*$/, "");

async function rowsOf(prefix: string) {
  return database.db.outboxEmail.findMany({ where: { to: { startsWith: `${prefix}-` } }, select: { id: true, sentAt: true } });
}

/** Rows the SMTP server accepted but the killed app had not marked sent: they will be sent again. */
async function acceptedButUnsent(sink: SmtpSink, prefix: string): Promise<string[]> {
  // A message whose whole DATA reached the server before the kill is still accepted after it.
  await new Promise((resolve) => setTimeout(resolve, SINK_DELAY_MS * 10));
  const unsent = new Set((await rowsOf(prefix)).filter((row) => row.sentAt === null).map((row) => row.id));
  return [...new Set(sink.received.map((email) => rowIdOf(email.parsed.messageId)))].filter((id) => unsent.has(id));
}

async function killSomewhereInASend(app: AppServer): Promise<void> {
  // Not right at an acceptance (waitFor returns there): at an arbitrary point of the sends in flight.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * SINK_DELAY_MS * 2));
  await app.kill("SIGKILL");
}

/**
 * Every row sent; each email received once, but those caught between acceptance and commit, twice:
 * exactly the `caught` ones, or with another node still sending (which has its own in flight), at most `caught`.
 */
async function expectEachOnce(sink: SmtpSink, prefix: string, caught: { exactly: string[] } | { atMost: number }): Promise<void> {
  await expect.poll(async () => (await rowsOf(prefix)).filter((row) => row.sentAt === null).length, { timeout: 60_000, interval: 250 }).toBe(0);
  // Anything sent twice would arrive right after.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rows = await rowsOf(prefix);
  const counts = new Map<string, number>();
  for (const email of sink.received) counts.set(rowIdOf(email.parsed.messageId), (counts.get(rowIdOf(email.parsed.messageId)) ?? 0) + 1);
  const twice = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
  const expected = "exactly" in caught ? caught.exactly.length : `at most ${caught.atMost}`;
  console.log(
    `${prefix}: ${EMAILS} emails, ${sink.received.length} received, ${counts.size} distinct, sent twice: ${twice.length} (caught at a kill: ${expected})`,
  );
  expect(rows).toHaveLength(EMAILS);
  expect([...counts.keys()].sort()).toEqual(rows.map((row) => row.id).sort());
  if ("exactly" in caught) expect(twice.sort()).toEqual([...caught.exactly].sort());
  else expect(twice.length).toBeLessThanOrEqual(caught.atMost);
  expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
}

describe("the outbox across a crash", () => {
  it("loses nothing when the app is killed three times while 500 emails are being sent, and sends twice only what a kill caught after the SMTP server's acceptance", async () => {
    const sink = await startSmtpSink({ delayMs: SINK_DELAY_MS });
    sinks.push(sink);
    await queue("crash");
    const caught: string[] = [];
    let app = await startApp(sink);
    for (const killAt of [100, 200, 300]) {
      await sink.waitFor(killAt, 60_000);
      await killSomewhereInASend(app);
      const unsent = (await rowsOf("crash")).filter((row) => row.sentAt === null).length;
      expect(unsent).toBeGreaterThan(0);
      const inFlight = await acceptedButUnsent(sink, "crash");
      console.log(`kill at ${killAt} received: ${sink.received.length} received, ${unsent} rows unsent, ${inFlight.length} accepted but not committed`);
      // At most one email per lane (two) is in flight when the process dies.
      expect(inFlight.length).toBeLessThanOrEqual(2);
      caught.push(...inFlight);
      app = await startApp(sink);
    }
    await expectEachOnce(sink, "crash", { exactly: caught });
  }, 180_000);

  it("loses nothing when one of two app nodes is killed in the middle of 500 emails, and neither sends one the other sent", async () => {
    const sink = await startSmtpSink({ delayMs: SINK_DELAY_MS });
    sinks.push(sink);
    await queue("two-nodes");
    const [first] = await Promise.all([startApp(sink), startApp(sink)]);
    await sink.waitFor(150, 60_000);
    await killSomewhereInASend(first!);
    expect((await rowsOf("two-nodes")).filter((row) => row.sentAt === null).length).toBeGreaterThan(0);
    console.log(`one node killed at ${sink.received.length} received`);
    // The killed node had at most one email per lane between the server's acceptance and its commit.
    await expectEachOnce(sink, "two-nodes", { atMost: 2 });
  }, 180_000);
});
