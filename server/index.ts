import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import path from "node:path";
import type { EmbeddedDatabase } from "@/server/platform/db/embedded-postgres";
import { ensureAuthSecret } from "@/server/auth/auth-secret";
import { exposeOriginToNextAuth } from "@/server/auth/next-auth-origin";
import { loadConfig, openDatabase } from "@/server/platform/boot";
import { createErrorTally } from "@/server/platform/log/error-tally";
import { installRuntime } from "@/server/platform/process-runtime";
import { closeRuntime, createRuntime, type Runtime } from "@/server/platform/runtime";
import { EnvError, iceConfigOf, smtpConfigOf, type Env } from "@/server/platform/env";
import { startEmail, type RunningEmail } from "@/server/services/email/start-email";
import { startMatcher, type RunningMatcher } from "@/server/services/practice/start-matcher";
import { startRealtime, type Realtime } from "@/server/realtime/server";
import { createNextApp } from "@/server/platform/next-app";
import { onServerStarted } from "@/server/platform/startup-tasks";
import { stampClientAddress } from "@/server/platform/http/client-address";
import { setSecurityHeaders } from "@/server/platform/http/set-security-headers";
import { serveMetrics } from "@/server/platform/http/metrics-endpoint";
import { isBankUpload, limitRequestBody, MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES } from "@/server/platform/http/request-body-limit";
import { userFromHeaders } from "@/server/auth/session";
import { canImportToBank } from "@/server/domain/bank/policy";
import type { Logger } from "pino";
import { createLogger } from "@/server/platform/log/logger";

const SHUTDOWN_GRACE_MS = 10_000;

// Replaced by the configured logger as soon as the environment is read; until then, plain lines.
let log: (line: string) => void = (line) => console.log(`[mockroom] ${line}`);

/** What has started so far, for the shutdown to stop in reverse order. */
interface Started {
  embedded?: EmbeddedDatabase;
  runtime?: Runtime;
  httpServer?: HttpServer;
  realtime?: Realtime;
  email?: RunningEmail;
  matcher?: RunningMatcher;
}

/** Stops whatever has started, embedded PostgreSQL included, on the first stop signal; later ones are ignored. */
function stopOnSignals(started: Started): void {
  let shuttingDown = false;
  async function shutdown(signal: string): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal} received, shutting down`);
    // Kept referenced: if a step hangs, this still decides how the process ends, and says so.
    setTimeout(() => {
      log("shutdown took too long, exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);

    const { httpServer: server, realtime } = started;
    const closed = server?.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    await realtime?.close("Server is restarting");
    await started.email?.stop();
    await started.matcher?.stop();
    // Uploads waiting to be read are answered now, so that their requests end and the server can close.
    await started.runtime?.bankReader.close();
    server?.closeIdleConnections();
    await closed;
    if (started.runtime) await closeRuntime(started.runtime);
    await started.embedded?.stop();
    log("stopped");
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/** The HTTP server in front of Next.js: security headers, the client's address, /metrics, and body limits. */
function createHttpServer(config: Env, runtime: Runtime, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, logger: Logger): HttpServer {
  return createServer((req, res) => {
    setSecurityHeaders(res, req.url ?? "/", req.headers.host);
    stampClientAddress(req, config.TRUST_PROXY);
    if (serveMetrics(req, res, config.METRICS_TOKEN, runtime.metrics)) return;
    void (async () => {
      // Only an account that may import may send a large body, and only as a bank upload; anyone else gets 1 MB.
      const user = isBankUpload(req.url) ? await userFromHeaders(req.headers).catch(() => null) : null;
      const upload = user !== null && canImportToBank(user);
      if (limitRequestBody(req, res, upload ? MAX_UPLOAD_BYTES : MAX_REQUEST_BYTES)) return;
      await handle(req, res);
    })().catch((error: unknown) => {
      // Next answers its own failures; whatever escapes it ends this request, never the process.
      logger.error({ err: error, url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
      else req.socket.destroy();
    });
  });
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const dev = process.argv.includes("--dev");
  const config = loadConfig({ dev });
  const logger = createLogger({ pretty: config.LOG_FORMAT ? config.LOG_FORMAT === "pretty" : dev || process.stdout.isTTY, level: config.LOG_LEVEL });
  log = (line) => logger.info(line);

  // From here on a stop signal shuts down cleanly whatever has started so far, embedded PostgreSQL
  // included, instead of leaving it running (the first start spends seconds migrating and importing).
  const started: Started = {};
  stopOnSignals(started);

  const opened = await openDatabase(config, {
    log,
    onEmbeddedStarted: (embedded) => {
      started.embedded = embedded;
      log(`embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}, data in ${path.resolve(config.DATA_DIR, "postgres")}`);
    },
  });

  // Built once, before anything serves: the Next.js bundle's edges find it through installRuntime.
  const runtime = (started.runtime = createRuntime({
    appUrl: config.APP_URL,
    ice: iceConfigOf(config),
    smtp: smtpConfigOf(config),
    databaseUrl: opened.url,
    poolSize: config.DATABASE_POOL_SIZE,
    reportError: createErrorTally((line) => logger.error(line)),
  }));
  installRuntime(runtime);

  ensureAuthSecret(config);
  exposeOriginToNextAuth(config.APP_URL);

  const app = await createNextApp({ dev, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handleUpgrade = app.getUpgradeHandler();
  const httpServer = (started.httpServer = createHttpServer(config, runtime, app.getRequestHandler(), logger));
  started.realtime = await startRealtime(httpServer, {
    runtime,
    appUrl: config.APP_URL,
    redisUrl: config.REDIS_URL,
    redisKeyPrefix: config.REDIS_KEY_PREFIX,
    log,
    logError: (line) => logger.error(line),
  });
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  log(`ready on ${config.APP_URL} (${dev ? "development" : "production"}) in ${Math.round(performance.now() - startedAt)} ms`);
  started.email = await startEmail(runtime, opened.url, log);
  started.matcher = await startMatcher({ pool: runtime.pool, databaseUrl: opened.url, reportError: runtime.reportError });
  await onServerStarted(runtime.db, log);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else if (error instanceof Error) {
    console.error(`[mockroom] failed to start: ${error.message}`);
  } else {
    console.error("[mockroom] failed to start:", error);
  }
  process.exit(1);
});
