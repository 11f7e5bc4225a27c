import type { IncomingMessage } from "node:http";

/**
 * The header through which the custom server tells the route handlers (next-auth, tRPC) who is asking,
 * for per-address rate limits. The server always overwrites it, so a client cannot choose its own.
 */
export const CLIENT_ADDRESS_HEADER = "x-mockroom-client-address";

/**
 * The peer's address; behind a reverse proxy (TRUST_PROXY=true), the address that proxy saw, which it
 * appends last to X-Forwarded-For. Earlier entries are whatever the client claimed and count for nothing.
 */
export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  const forwarded = trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")
        .at(-1)
        ?.trim()
    : undefined;
  req.headers[CLIENT_ADDRESS_HEADER] = forwarded || req.socket.remoteAddress || "unknown";
}

/** The address stamped on a request; "unknown" outside the custom server (e.g. a build). */
export function clientAddressOf(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>): string {
  const value =
    "get" in headers && typeof headers.get === "function"
      ? headers.get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) ?? "unknown";
}
