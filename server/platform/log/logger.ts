import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

/**
 * The server's structured log: JSON lines in production (one object per line, for a log collector),
 * readable lines in development. Written synchronously to stdout so that nothing is lost on a crash.
 */
export function createLogger(options: { pretty: boolean; level?: string }): Logger {
  const level = options.level ?? "info";
  if (!options.pretty) return pino({ level, base: { app: "mockroom" } });
  return pino({ level, base: undefined }, pretty({ sync: true, colorize: process.stdout.isTTY, ignore: "pid,hostname", translateTime: "HH:MM:ss.l" }));
}
