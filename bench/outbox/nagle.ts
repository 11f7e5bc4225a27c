// npx tsx bench/outbox/nagle.ts [--no-delay]
//
// One email at a time from nodemailer (the app's mailer) to the bench's SMTP server, as is and with
// TCP_NODELAY set on nodemailer's sockets. nodemailer leaves Nagle's algorithm on: the message's last
// small write waits for the server's delayed ACK (40 ms on Linux), which sets the pace of every
// connection in bench/outbox.ts.
import net from "node:net";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SignedLinks } from "@/server/auth/signed-links";
import { renderEmail } from "@/server/domain/email/render";
import { createMailer, sendEmail } from "@/server/services/email/mailer";
import { startSmtpSink } from "@/tests/support/smtp-sink";
import { TEST_AUTH_SECRET } from "@/tests/support/test-auth";
import { benchEmail, FROM, renderContext } from "./emails";

const { values: args } = parseArgs({ options: { "no-delay": { type: "boolean", default: false }, emails: { type: "string", default: "200" } } });
const EMAILS = Number(args.emails);

if (args["no-delay"]) {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...rest: Parameters<typeof connect>) {
    this.setNoDelay(true);
    return connect.apply(this, rest);
  } as typeof connect;
}

const sink = await startSmtpSink();
const links = new SignedLinks(TEST_AUTH_SECRET);
const mailer = createMailer({ host: "127.0.0.1", port: sink.port, tls: "none", auth: null, from: FROM });
const emails = Array.from({ length: EMAILS + 20 }, (_, index) => {
  const email = benchEmail("nagle", index);
  return { id: email.to, to: email.to, rendered: renderEmail(email, renderContext(email.to, links)), host: "mockroom.test" };
});
// The first 20 warm up the connection and the code.
for (const email of emails.slice(0, 20)) await sendEmail(mailer, FROM, email);
const start = performance.now();
for (const email of emails.slice(20)) await sendEmail(mailer, FROM, email);
const perEmail = (performance.now() - start) / EMAILS;
process.stdout.write(`${JSON.stringify({ no_delay: args["no-delay"], emails: EMAILS, ms_per_email: Math.round(perEmail * 10) / 10 })}\n`);
mailer.close();
await sink.close();
