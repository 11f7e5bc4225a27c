import type { IncomingMessage, ServerResponse } from "node:http";

/** Several bank documents of up to 5 MB each, base64-encoded, fit; nothing legitimate is larger. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/**
 * Holds every request body that reaches the app to `maxBytes`, whatever it declares: a body over a
 * declared Content-Length is refused before it is read, and one that arrives without it (chunked) is
 * counted as it arrives and cut where it passes the limit. Either way the answer is 413 and the
 * connection closes; what the client still sends is discarded, never buffered. Returns whether the
 * request was refused already (then the caller must not hand it on).
 *
 * The count sits on `req.push`, the one door through which Node's HTTP parser hands body bytes to the
 * request stream: whoever reads the body later (Next.js, tRPC, next-auth) reads only what passed it.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, maxBytes = MAX_REQUEST_BYTES): boolean {
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
    refuse(req, res, maxBytes);
    return true;
  }
  const push = req.push.bind(req);
  let received = 0;
  let cut = false;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (cut) return false;
    if (chunk !== null && (Buffer.isBuffer(chunk) || typeof chunk === "string")) {
      received += chunk.length;
      if (received > maxBytes) {
        cut = true;
        refuse(req, res, maxBytes);
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return false;
}

/**
 * Answers 413 and closes the connection once the answer is sent (at once, if an answer had begun).
 * Whoever was reading the body sees the request aborted, as when a client goes away.
 */
function refuse(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  const message = `Requests are limited to ${maxBytes / 1024 / 1024} MB.`;
  res.writeHead(413, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message } }), () => req.socket.destroy());
}
