import { authSecret } from "@/server/auth/auth-secret";
import { signedLinks } from "@/server/auth/signed-links";
import type { Runtime } from "@/server/platform/runtime";
import { createMailer } from "@/server/services/email/mailer";
import { OutboxWorker } from "@/server/services/email/outbox-worker";

export interface RunningEmail {
  stop(): Promise<void>;
}

/**
 * Starts sending the outbox when SMTP is configured; otherwise says once that email is off, and the
 * pages show links to copy instead (nothing is queued: see `emailOn` in the tRPC context).
 */
export async function startEmail(runtime: Runtime, databaseUrl: string, log: (line: string) => void): Promise<RunningEmail | undefined> {
  const smtp = runtime.smtp;
  if (!smtp) {
    log("email is off (no SMTP_HOST): invitations, reminders and password resets are not sent; pages show links to copy instead");
    return undefined;
  }
  const mailer = createMailer(smtp);
  const worker = new OutboxWorker({
    pool: runtime.pool,
    databaseUrl,
    mailer,
    from: smtp.from,
    appUrl: runtime.appUrl,
    links: signedLinks(authSecret()),
    reportError: runtime.reportError,
  });
  await worker.start();
  log(`email: sending through ${smtp.host}:${smtp.port} as ${smtp.from}`);
  return {
    async stop() {
      await worker.stop();
      mailer.close();
    },
  };
}
