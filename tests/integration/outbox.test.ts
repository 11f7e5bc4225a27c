import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { SignedLinks } from "@/server/auth/signed-links";
import { createMailer, type Mailer } from "@/server/services/email/mailer";
import { queueEmails, type QueuedEmail } from "@/server/services/email/outbox";
import { OutboxWorker } from "@/server/services/email/outbox-worker";
import { fileDatabase, type FileDatabase } from "../support/db";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { TEST_AUTH_SECRET } from "../support/test-auth";

let database: FileDatabase;
let sink: SmtpSink;
const links = new SignedLinks(TEST_AUTH_SECRET);
const stoppers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  database = await fileDatabase();
  sink = await startSmtpSink();
});

afterAll(async () => {
  for (const stop of stoppers.reverse()) await stop();
  await sink.close();
  await database.pool.end();
  await database.db.$disconnect();
});

function feedback(to: string, title = "System design"): QueuedEmail {
  return { kind: "feedbackReady", to, payload: { sessionId: "s1", title, recipientName: null } };
}

async function startWorker(
  options: { port?: number; now?: () => Date; pool?: pg.Pool; lanes?: number } = {},
): Promise<{ worker: OutboxWorker; mailer: Mailer }> {
  const mailer = createMailer({ host: "127.0.0.1", port: options.port ?? sink.port, tls: "none", auth: null, from: "Mockroom <m@mockroom.test>" });
  const worker = new OutboxWorker({
    pool: options.pool ?? database.pool,
    databaseUrl: database.url,
    mailer,
    from: "Mockroom <m@mockroom.test>",
    appUrl: "http://mockroom.test",
    links,
    lanes: options.lanes,
    pollMs: 200,
    now: options.now,
    reportError: (what, error) => console.error(what, error),
  });
  await worker.start();
  const stop = async () => {
    await worker.stop();
    mailer.close();
  };
  stoppers.push(stop);
  return { worker, mailer };
}

async function rowsTo(to: string) {
  return database.db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}

describe("the outbox", () => {
  it("sends what a committed transaction queued, once, and nothing of a rolled-back one", async () => {
    const { worker } = await startWorker();
    await database.db.$transaction(async (tx) => queueEmails(tx, [feedback("kept@example.com")], new Date()));
    await database.db
      .$transaction(async (tx) => {
        await queueEmails(tx, [feedback("rolled-back@example.com")], new Date());
        throw new Error("the change failed");
      })
      .catch(() => undefined);
    await expect.poll(() => sink.to("kept@example.com").length, { timeout: 10_000 }).toBe(1);
    const [email] = sink.to("kept@example.com");
    expect(email?.parsed.subject).toBe('Your feedback for "System design" is ready');
    expect(email?.parsed.text).toContain("http://mockroom.test/sessions/s1");
    expect(email?.parsed.html).toContain('href="http://mockroom.test/sessions/s1"');
    // The SMTP server has the message just before the worker commits its row as sent (outbox-worker.ts).
    await expect.poll(async () => (await rowsTo("kept@example.com"))[0]?.sentAt ?? null, { timeout: 10_000 }).not.toBeNull();
    expect(await rowsTo("rolled-back@example.com")).toEqual([]);
    await worker.stop();
    expect(sink.to("rolled-back@example.com")).toEqual([]);
  });

  it("retries a temporary refusal later, and gives up at once on a permanent one", async () => {
    let now = new Date();
    const { worker } = await startWorker({ now: () => now });
    sink.refuseNext(1, 451);
    await database.db.$transaction(async (tx) => queueEmails(tx, [feedback("later@example.com")], now));
    await expect.poll(async () => (await rowsTo("later@example.com"))[0]?.attempts, { timeout: 10_000 }).toBe(1);
    const waiting = (await rowsTo("later@example.com"))[0]!;
    expect(waiting.sentAt).toBeNull();
    expect(waiting.lastError).toMatch(/451|Try again/);
    expect(waiting.sendAfter.getTime()).toBeGreaterThan(now.getTime() + 8_000);
    now = new Date(waiting.sendAfter.getTime() + 1);
    worker.nudge();
    await expect.poll(() => sink.to("later@example.com").length, { timeout: 10_000 }).toBe(1);

    sink.refuseNext(1, 550);
    await database.db.$transaction(async (tx) => queueEmails(tx, [feedback("nobody@example.com")], now));
    await expect.poll(async () => (await rowsTo("nobody@example.com"))[0]?.failedAt, { timeout: 10_000 }).not.toBeNull();
    now = new Date(now.getTime() + 3_600_000);
    worker.nudge();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await rowsTo("nobody@example.com"))[0]?.attempts).toBe(1);
    expect(sink.to("nobody@example.com")).toEqual([]);
    await worker.stop();
  });

  it("loses nothing while the SMTP server is down, and sends everything when it is back", async () => {
    const down = await startSmtpSink();
    const port = down.port;
    await down.close();
    let now = new Date();
    const { worker } = await startWorker({ port, now: () => now });
    const addresses = Array.from({ length: 5 }, (_, index) => `outage-${index}@example.com`);
    await database.db.$transaction(async (tx) =>
      queueEmails(
        tx,
        addresses.map((to) => feedback(to)),
        now,
      ),
    );
    await expect
      .poll(async () => (await database.db.outboxEmail.count({ where: { to: { in: addresses }, attempts: { gt: 0 } } })) > 0, { timeout: 10_000 })
      .toBe(true);
    expect(await database.db.outboxEmail.count({ where: { to: { in: addresses }, sentAt: { not: null } } })).toBe(0);

    const back = await startSmtpSink({ port });
    stoppers.push(() => back.close());
    now = new Date(now.getTime() + 3_600_000);
    worker.nudge();
    await back.waitFor(5, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(back.received.map((email) => email.envelopeTo[0]).sort()).toEqual([...addresses].sort());
    await worker.stop();
  });

  it("sends a reminder when it comes due, with its unsubscribe link; not to an address that unsubscribed, nor after the start", async () => {
    let now = new Date();
    const { worker } = await startWorker({ now: () => now });
    const startsAt = new Date(now.getTime() + 24 * 3_600_000 + 60_000);
    const reminder = (to: string): QueuedEmail => ({
      kind: "interviewReminder",
      to,
      sessionId: "s-reminders",
      sendAfter: new Date(startsAt.getTime() - 24 * 3_600_000),
      payload: {
        sessionId: "s-reminders",
        title: "Design a feed",
        organiserName: "Ada",
        organiserEmail: null,
        recipientName: null,
        role: "CANDIDATE",
        startsAt: startsAt.toISOString(),
        durationMin: 45,
        timeZone: "Europe/Paris",
        sequence: 0,
        inviteId: "invite-1",
        before: "24h",
      },
    });
    await database.db.emailOptOut.create({ data: { email: "opted-out@example.com", kind: "interviewReminder" } });
    await database.db.$transaction(async (tx) => queueEmails(tx, [reminder("due@example.com"), reminder("opted-out@example.com")], now));
    worker.nudge();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sink.to("due@example.com")).toEqual([]);

    now = new Date(startsAt.getTime() - 24 * 3_600_000 + 1_000);
    worker.nudge();
    await expect.poll(() => sink.to("due@example.com").length, { timeout: 10_000 }).toBe(1);
    const [email] = sink.to("due@example.com");
    expect(email?.parsed.subject).toBe("Reminder: Design a feed starts tomorrow");
    expect(email?.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(email?.raw).toMatch(/List-Unsubscribe:\s+<http:\/\/mockroom\.test\/unsubscribe\/[\w.-]+>/);
    expect(email?.parsed.text).toContain("http://mockroom.test/join/");
    await expect.poll(async () => (await rowsTo("opted-out@example.com"))[0]?.lastError, { timeout: 10_000 }).toBe("unsubscribed");
    expect(sink.to("opted-out@example.com")).toEqual([]);

    // The clock moves past the start before the row is queued: its commit wakes the worker at once (NOTIFY),
    // and a worker still on the earlier clock would rightly send it.
    now = new Date(startsAt.getTime() + 1);
    await database.db.$transaction(async (tx) => queueEmails(tx, [{ ...reminder("late@example.com"), sendAfter: new Date(now.getTime() - 2) }], now));
    worker.nudge();
    await expect.poll(async () => (await rowsTo("late@example.com"))[0]?.lastError, { timeout: 10_000 }).toBe("too late");
    expect(sink.to("late@example.com")).toEqual([]);
    await worker.stop();
  });

  it("sends each email once when two nodes work the same outbox", async () => {
    const nodeA = new pg.Pool({ connectionString: database.url, max: 4 });
    const nodeB = new pg.Pool({ connectionString: database.url, max: 4 });
    stoppers.push(
      () => nodeA.end(),
      () => nodeB.end(),
    );
    const before = sink.received.length;
    const addresses = Array.from({ length: 300 }, (_, index) => `two-nodes-${index}@example.com`);
    await database.db.$transaction(async (tx) =>
      queueEmails(
        tx,
        addresses.map((to) => feedback(to)),
        new Date(),
      ),
    );
    await Promise.all([startWorker({ pool: nodeA, lanes: 3 }), startWorker({ pool: nodeB, lanes: 3 })]);
    await sink.waitFor(before + 300, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mine = sink.received.slice(before);
    expect(mine).toHaveLength(300);
    expect(new Set(mine.map((email) => email.parsed.messageId)).size).toBe(300);
    expect(new Set(mine.map((email) => email.envelopeTo[0])).size).toBe(300);
  });
});
