// The end-to-end suite's server: what `npm start` runs (scripts/start.ts), on a data folder of its own
// that is removed once the server has stopped. Playwright stops this process group with SIGTERM
// (playwright.config.ts, gracefulShutdown); the server runs in a group of its own and is told here, so
// that it shuts down cleanly, embedded PostgreSQL included, before the folder goes. A run leaves nothing
// behind in the temporary folder.
//
// A real SMTP server (tests/support/smtp-sink.ts) runs beside the app, which sends its email there; each
// message it receives is written to E2E_MAIL_DIR, where the tests read it (tests/e2e/mailbox.ts).
//
// With E2E_TURN set (playwright.config.ts sets it when coturn is installed), a real coturn runs beside the
// app, which issues its TURN credentials as README.md's "Calls: STUN and TURN" describes.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startCoturn } from "../support/coturn";
import { startSmtpSink } from "../support/smtp-sink";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR is not set");

const secret = randomBytes(24).toString("base64url");
const coturn = process.env.E2E_TURN ? await startCoturn(secret, { allowLoopbackPeers: true }) : null;
const turn = coturn ? { ICE_TURN_URLS: `turn:${coturn.host}:${coturn.port}?transport=udp`, TURN_SHARED_SECRET: secret } : {};

const mailDir = process.env.E2E_MAIL_DIR;
if (!mailDir) throw new Error("E2E_MAIL_DIR is not set");
mkdirSync(mailDir, { recursive: true });
let mailCount = 0;
const smtp = await startSmtpSink({
  onReceived: (email) => writeFileSync(path.join(mailDir, `${String(++mailCount).padStart(5, "0")}.eml`), email.raw),
});

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, ...turn, ...smtp.env },
  detached: true,
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(mailDir, { recursive: true, force: true });
  void Promise.all([coturn?.stop(), smtp.close()]).finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
