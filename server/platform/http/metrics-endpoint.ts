import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EngineMetrics } from "@/server/platform/observability/metrics";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics for Prometheus, only where METRICS_TOKEN is configured, and only with it as a bearer
 * token: the figures say how busy the service is, which is nobody else's business. Without the setting
 * the path is left to the app, which answers 404. Returns whether it answered the request.
 */
export function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | undefined, metrics: EngineMetrics): boolean {
  if (!token || req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") return false;
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (!sameSecret(given, token)) {
    res.writeHead(401, { "content-type": "text/plain", "www-authenticate": "Bearer" });
    res.end("A valid bearer token is required.\n");
    return true;
  }
  const registry = metrics.registry;
  registry.metrics().then(
    (body) => {
      res.writeHead(200, { "content-type": registry.contentType });
      res.end(body);
    },
    () => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("The metrics could not be collected.\n");
    },
  );
  return true;
}
