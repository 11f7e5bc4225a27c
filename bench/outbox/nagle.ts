// npx tsx bench/outbox/nagle.ts
//
// One email at a time to the bench's SMTP server: from nodemailer as it comes (Nagle's algorithm on: the
// message's last small write waits for the server's delayed ACK, 40 ms on Linux), and from the app's
// mailer, which opens its connections with TCP_NODELAY (server/services/email/mailer.ts).
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import { SignedLinks } from "@/server/auth/signed-links";
import { renderEmail } from "@/server/domain/email/render";
import { createMailer, sendEmail, type Mailer } from "@/server/services/email/mailer";
import { startSmtpSink } from "@/tests/support/smtp-sink";
import { TEST_AUTH_SECRET } from "@/tests/support/test-auth";
import { benchEmail, FROM, renderContext } from "./emails";

const { values: args } = parseArgs({ options: { emails: { type: "string", default: "200" } } });
const EMAILS = Number(args.emails);

const sink = await startSmtpSink();
const links = new SignedLinks(TEST_AUTH_SECRET);
const emails = Array.from({ length: EMAILS + 20 }, (_, index) => {
  const email = benchEmail("nagle", index);
  return { id: email.to, to: email.to, rendered: renderEmail(email, renderContext(email.to, links)), host: "mockroom.test" };
});

async function msPerEmail(mailer: Mailer): Promise<number> {
  // The first 20 warm up the connection and the code.
  for (const email of emails.slice(0, 20)) await sendEmail(mailer, FROM, email);
  const start = performance.now();
  for (const email of emails.slice(20)) await sendEmail(mailer, FROM, email);
  mailer.close();
  return Math.round(((performance.now() - start) / EMAILS) * 10) / 10;
}

const asItComes = await msPerEmail(nodemailer.createTransport({ pool: true, maxConnections: 3, host: "127.0.0.1", port: sink.port, ignoreTLS: true }));
const appMailer = await msPerEmail(createMailer({ host: "127.0.0.1", port: sink.port, tls: "none", auth: null, from: FROM }));
process.stdout.write(`${JSON.stringify({ emails: EMAILS, ms_per_email_nodemailer_as_it_comes: asItComes, ms_per_email_app_mailer: appMailer })}\n`);
await sink.close();
