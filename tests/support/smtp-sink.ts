import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { freePort } from "./free-port";

export interface ReceivedEmail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
  /** The text/calendar part, when the email carries an invitation. */
  calendar: string | null;
  receivedAt: number;
}

export interface SmtpSink {
  port: number;
  /** SMTP_* variables that point the app at this server. */
  env: Record<string, string>;
  received: ReceivedEmail[];
  /** Resolves once `count` emails in all have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  /** The emails to `address`, oldest first. */
  to(address: string): ReceivedEmail[];
  /** Answers the next `count` messages with a temporary (4xx) or permanent (5xx) refusal. */
  refuseNext(count: number, code: 451 | 550): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on a free port, keeping what it receives: what the app
 * sends is read back as a mail client would, parsed by mailparser. Plain text, no authentication: a
 * relay on the same machine (SMTP_TLS=none).
 */
export async function startSmtpSink(options: { port?: number; delayMs?: number; onReceived?: (email: ReceivedEmail) => void } = {}): Promise<SmtpSink> {
  const port = options.port ?? (await freePort());
  const received: ReceivedEmail[] = [];
  const waiters: Array<() => void> = [];
  let refusals: { count: number; code: number } = { count: 0, code: 451 };

  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        void (async () => {
          if (refusals.count > 0) {
            refusals.count -= 1;
            const error = Object.assign(new Error(refusals.code >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode: refusals.code });
            return callback(error);
          }
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          const raw = Buffer.concat(chunks).toString("utf8");
          const parsed = await simpleParser(raw);
          const calendarPart = parsed.attachments.find((attachment) => attachment.contentType.startsWith("text/calendar"));
          const email: ReceivedEmail = {
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
            parsed,
            calendar: calendarPart ? calendarPart.content.toString("utf8") : null,
            receivedAt: Date.now(),
          };
          received.push(email);
          options.onReceived?.(email);
          callback();
          for (const wake of waiters.splice(0)) wake();
        })();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // A client that dies mid-conversation resets its connection (the crash tests SIGKILL the app while it
  // sends): smtp-server reports that as an "error" event, which unheard would end the test process.
  server.on("error", () => undefined);

  return {
    port,
    env: { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_TLS: "none", EMAIL_FROM: "Mockroom <interviews@mockroom.test>" },
    received,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} emails, received ${received.length}`);
        await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), new Promise((resolve) => setTimeout(resolve, Math.min(left, 250)))]);
      }
      return received;
    },
    to(address) {
      return received.filter((email) => email.envelopeTo.includes(address));
    },
    refuseNext(count, code) {
      refusals = { count, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
