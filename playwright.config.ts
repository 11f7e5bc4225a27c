import { execFileSync, execSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Playwright cannot download browsers here: tests run in the system's (Debian's) Chromium.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync("command -v chromium || command -v chromium-browser", { encoding: "utf8", shell: "/bin/sh" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A port nothing listens on now, found synchronously (the config is not async). */
function freePort(): string {
  const script = "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

// Free ports unless given, chosen once by the runner: its workers load this file again and inherit the
// environment, so they agree on the address. Two runs on one machine do not collide.
process.env.E2E_PORT ??= freePort();
// A real coturn beside the app when it is installed (tests/e2e/web-server.ts): the call's relay test needs it.
process.env.E2E_TURN ??= spawnSync("turnserver", ["-h"], { stdio: "ignore" }).error === undefined ? "1" : "";
process.env.E2E_POSTGRES_PORT ??= freePort();
const PORT = Number(process.env.E2E_PORT);
export const baseURL = `http://127.0.0.1:${PORT}`;
// Where the suite's SMTP server writes what the app sends (tests/e2e/web-server.ts, tests/e2e/mailbox.ts).
process.env.E2E_MAIL_DIR ??= path.join(os.tmpdir(), `mockroom-e2e-mail-${process.pid}`);
export const mailDir = process.env.E2E_MAIL_DIR;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The real start command on a fresh data folder, exactly as a new user runs it; the folder is
    // removed once the server has stopped (tests/e2e/web-server.ts).
    command: "node --import tsx tests/e2e/web-server.ts",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      APP_URL: baseURL,
      DATA_DIR: path.join(os.tmpdir(), `mockroom-e2e-${process.pid}`),
      E2E_MAIL_DIR: mailDir,
      EMBEDDED_POSTGRES_PORT: process.env.E2E_POSTGRES_PORT,
      // Each sign-up says it comes from an address of its own (fixtures.ts): the suite makes more
      // accounts than one address may in an hour, which is a limit for strangers, not for tests.
      TRUST_PROXY: "true",
    },
  },
});
