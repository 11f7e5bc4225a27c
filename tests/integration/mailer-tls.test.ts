// The app's mailer over TLS, both ways a server offers it (implicit TLS and STARTTLS), through the
// connection it opens itself (without Nagle's delay), against a real SMTP server with a certificate made
// here; and a server that offers no TLS is refused when SMTP_TLS asks for STARTTLS.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { createMailer, type SmtpConfig } from "@/server/services/email/mailer";
import { freePort } from "../support/free-port";

let dir: string;
let cert: Buffer;
let key: Buffer;
const servers: SMTPServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "mockroom-tls-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  cert = readFileSync(path.join(dir, "cert.pem"));
  key = readFileSync(path.join(dir, "key.pem"));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  rmSync(dir, { recursive: true, force: true });
});

/** A server that records whether each message came over TLS. */
async function server(options: { secure: boolean; starttls: boolean }): Promise<{ port: number; secured: boolean[] }> {
  const port = await freePort();
  const secured: boolean[] = [];
  const smtp = new SMTPServer({
    secure: options.secure,
    key,
    cert,
    authOptional: true,
    disabledCommands: options.starttls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        secured.push(Boolean(session.secure));
        callback();
      });
    },
  });
  // A client that refuses the certificate closes the socket mid-handshake: the server reports it, as it should.
  smtp.on("error", () => undefined);
  servers.push(smtp);
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", () => resolve()));
  return { port, secured };
}

const config = (port: number, tls: SmtpConfig["tls"]): SmtpConfig => ({ host: "localhost", port, tls, auth: null, from: "Mockroom <m@mockroom.test>" });
const message = { from: "m@mockroom.test", to: "grace@example.com", subject: "TLS", text: "hello" };

describe("the mailer over TLS", () => {
  it("sends over implicit TLS and over STARTTLS, checking the server's certificate", async () => {
    for (const [mode, options] of [
      ["implicit", { secure: true, starttls: false }],
      ["starttls", { secure: false, starttls: true }],
    ] as const) {
      const smtp = await server(options);
      const mailer = createMailer(config(smtp.port, mode), { tls: { ca: cert } });
      await mailer.sendMail(message);
      mailer.close();
      expect(smtp.secured, mode).toEqual([true]);
    }
  });

  it("refuses a certificate it cannot trust, and a server without STARTTLS when STARTTLS is required", async () => {
    const implicit = await server({ secure: true, starttls: false });
    const untrusting = createMailer(config(implicit.port, "implicit"));
    await expect(untrusting.sendMail(message)).rejects.toThrow(/self-signed|certificate/i);
    untrusting.close();

    const plain = await server({ secure: false, starttls: false });
    const strict = createMailer(config(plain.port, "starttls"), { tls: { ca: cert } });
    await expect(strict.sendMail(message)).rejects.toThrow(/STARTTLS/i);
    strict.close();
    expect(plain.secured).toEqual([]);
  });
});
