import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import type { NextConfig } from "next";

/**
 * next.config.js plus what concerns the running server alone. A config given to the server replaces the
 * file for it (Next.js then does not read the file), so the file's settings are carried over whole.
 */
export async function serverNextConfig(dir = process.cwd()): Promise<NextConfig> {
  const { default: fileConfig } = (await import(pathToFileURL(path.join(dir, "next.config.js")).href)) as { default: NextConfig };
  return {
    ...fileConfig,
    experimental: {
      ...fileConfig.experimental,
      // Next.js loads every page's code right after start by default. After a restart that is exactly when
      // every open room's sockets reconnect at once, and it took a sixth of the server's time then; each
      // page is loaded on its first request instead (tens of milliseconds, once).
      preloadEntriesOnStart: false,
    },
  };
}

/** The Next.js app the custom server serves. */
export async function createNextApp(options: { dev: boolean; hostname: string | undefined; port: number }) {
  return next({ ...options, dir: process.cwd(), conf: await serverNextConfig() });
}
