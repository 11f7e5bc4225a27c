// One app node of the bench, in a process of its own as an app server would be: either the outbox worker
// as the app starts it (server/services/email/start-email.ts: a pooled mailer, two lanes, a 2 s poll, the
// app's own pool), or the baseline, which sends the same rendered messages straight to the SMTP server.
import pg from "pg";
import { SignedLinks } from "@/server/auth/signed-links";
import { renderEmail } from "@/server/domain/email/render";
import { createMailer, sendEmail } from "@/server/services/email/mailer";
import { OutboxWorker } from "@/server/services/email/outbox-worker";
import { TEST_AUTH_SECRET } from "@/tests/support/test-auth";
import { APP_URL, FROM, benchEmail, renderContext } from "./emails";

export type NodeCommand =
  | { type: "outbox"; databaseUrl: string; smtpPort: number; poolSize: number }
  | { type: "direct"; smtpPort: number; scenario: string; from: number; count: number; concurrency: number; ratePerSecond: number | null }
  | { type: "stop" };
export type NodeMessage = { type: "loaded" } | { type: "ready" } | { type: "direct-done"; startedAt: Record<string, number> } | { type: "stopped" };

const links = new SignedLinks(TEST_AUTH_SECRET);
const send = (message: NodeMessage) => process.send?.(message);
let stop: () => Promise<void> = async () => undefined;

function mailerFor(port: number) {
  return createMailer({ host: "127.0.0.1", port, tls: "none", auth: null, from: FROM });
}

async function runOutbox(command: Extract<NodeCommand, { type: "outbox" }>): Promise<void> {
  const pool = new pg.Pool({ connectionString: command.databaseUrl, max: command.poolSize });
  const mailer = mailerFor(command.smtpPort);
  const worker = new OutboxWorker({
    pool,
    databaseUrl: command.databaseUrl,
    mailer,
    from: FROM,
    appUrl: APP_URL,
    links,
    reportError: (what, error) => console.error(what, error),
  });
  await worker.start();
  stop = async () => {
    await worker.stop();
    mailer.close();
    await pool.end();
  };
  send({ type: "ready" });
}

/** Sends emails [from, from + count) of the scenario: all at once through `concurrency` lanes, or each at its time when a rate is given. */
async function runDirect(command: Extract<NodeCommand, { type: "direct" }>): Promise<void> {
  const mailer = mailerFor(command.smtpPort);
  const host = new URL(APP_URL).hostname;
  const startedAt: Record<string, number> = {};
  const sendOne = async (index: number) => {
    const email = benchEmail(command.scenario, index);
    startedAt[email.to] = Date.now();
    const rendered = renderEmail(email, renderContext(email.to, links));
    await sendEmail(mailer, FROM, { id: `${command.scenario}-${index}`, to: email.to, rendered, host });
  };
  if (command.ratePerSecond === null) {
    let next = command.from;
    const lane = async () => {
      while (next < command.from + command.count) await sendOne(next++);
    };
    await Promise.all(Array.from({ length: command.concurrency }, lane));
  } else {
    const start = Date.now();
    const sends: Array<Promise<void>> = [];
    for (let index = command.from; index < command.from + command.count; index++) {
      const wait = start + ((index - command.from) * 1000) / command.ratePerSecond - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sends.push(sendOne(index));
    }
    await Promise.all(sends);
  }
  mailer.close();
  send({ type: "direct-done", startedAt });
}

process.on("message", (command: NodeCommand) => {
  const run = async () => {
    if (command.type === "outbox") await runOutbox(command);
    else if (command.type === "direct") await runDirect(command);
    else {
      await stop();
      send({ type: "stopped" });
      process.disconnect();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
send({ type: "loaded" });
