import net from "node:net";
import type { ConnectionOptions } from "node:tls";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { RenderedEmail } from "@/server/domain/email/render";

export interface SmtpConfig {
  host: string;
  port: number;
  tls: "implicit" | "starttls" | "opportunistic" | "none";
  auth: { user: string; pass: string } | null;
  /** The sender of every email, e.g. "Mockroom <interviews@example.com>". */
  from: string;
}

export type Mailer = Transporter<SMTPPool.SentMessageInfo>;

const CONNECT_TIMEOUT_MS = 15_000;

/**
 * Opens the TCP connection for nodemailer, with Nagle's algorithm off: nodemailer leaves it on, and the
 * last small write of every message then waits for the server's delayed ACK, about 40 ms each
 * (bench/outbox/nagle.ts: 48 ms a message as is, 5.5 ms without). nodemailer upgrades this socket to
 * TLS itself, at once for implicit TLS or on STARTTLS.
 */
function connectWithoutDelay(config: SmtpConfig) {
  return (_options: unknown, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void) => {
    const socket = net.connect({ host: config.host, port: config.port, noDelay: true, timeout: CONNECT_TIMEOUT_MS });
    const fail = (error: Error) => {
      socket.destroy();
      callback(error);
    };
    const timedOut = () => fail(Object.assign(new Error(`Connection to ${config.host}:${config.port} timed out`), { code: "ETIMEDOUT" }));
    socket.once("error", fail);
    socket.once("timeout", timedOut);
    socket.once("connect", () => {
      socket.off("error", fail);
      socket.off("timeout", timedOut);
      socket.setTimeout(0);
      callback(null, { connection: socket });
    });
  };
}

/**
 * A pooled SMTP connection (a few connections kept open), so a burst of emails does not reconnect for
 * each. `tls` adds options to the TLS handshake (a private CA, in tests).
 */
export function createMailer(config: SmtpConfig, options: { maxConnections?: number; tls?: ConnectionOptions } = {}): Mailer {
  return nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    tls: { servername: config.host, ...options.tls },
    getSocket: connectWithoutDelay(config),
    host: config.host,
    port: config.port,
    secure: config.tls === "implicit",
    requireTLS: config.tls === "starttls",
    ignoreTLS: config.tls === "none",
    auth: config.auth ?? undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** The address part of "Name <address>" (or the address itself). */
export function addressOf(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/**
 * Sends one rendered email. Its Message-ID is the outbox row's, the same on every attempt: should a
 * crash fall between the server's acceptance and the row's commit, the resent copy is the same message.
 */
export async function sendEmail(mailer: Mailer, from: string, email: { id: string; to: string; rendered: RenderedEmail; host: string }): Promise<void> {
  const { rendered } = email;
  await mailer.sendMail({
    from,
    to: email.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: `<${email.id}@${email.host}>`,
    headers: rendered.headers,
    icalEvent: rendered.calendar ? { method: rendered.calendar.method, filename: "invite.ics", content: rendered.calendar.content } : undefined,
    // The envelope's sender is the From address: no header a message carries can redirect bounces.
    envelope: { from: addressOf(from), to: email.to },
  });
}

/** Whether the SMTP server refused for good (5xx: no such mailbox, policy): retrying would not help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
