import type { IncomingMessage, ServerResponse } from "node:http";

const MB = 1024 * 1024;

/** Every request but a signed-in bank upload: forms, procedures and sign-in carry kilobytes. */
export const MAX_REQUEST_BYTES = 1 * MB;

/** A signed-in bank upload: several documents of up to 5 MB each, base64-encoded, fit; nothing legitimate is larger. */
export const MAX_UPLOAD_BYTES = 32 * MB;

const BANK_UPLOADS = new Set(["bank.preview", "bank.import", "bank.updateQuestion"]);

/** The tRPC calls that carry documents or a whole edited question (`/api/trpc/bank.preview`, batched or not). */
export function isBankUpload(url: string | undefined): boolean {
  const path = (url ?? "").split("?")[0] ?? "";
  if (!path.startsWith("/api/trpc/")) return false;
  // tRPC names procedures in plain characters: an escaped path is nobody's upload.
  return path
    .slice("/api/trpc/".length)
    .split(",")
    .some((procedure) => BANK_UPLOADS.has(procedure));
}

/**
 * How long a refused request's connection stays open after the answer, its body discarded as it comes:
 * most clients read an answer only once they have sent their body, and a connection closed while they
 * still send resets, losing the answer with it. Then it closes, whatever is still coming. (Node's own
 * keep-alive timeout may close it sooner; this bound holds whatever that is configured to.)
 */
const LINGER_MS = 5_000;

/**
 * Holds every request body that reaches the app to `maxBytes`, whatever it declares: a body over a
 * declared Content-Length is refused before it is read, and one that arrives without it (chunked) is
 * counted as it arrives and cut where it passes the limit. Either way the answer is 413, and what the
 * client still sends is discarded, never buffered, for LINGER_MS at most. Returns whether the request
 * was refused already (then the caller must not hand it on).
 *
 * The count sits on `req.push`, the one door through which Node's HTTP parser hands body bytes to the
 * request stream: whoever reads the body (Next.js, tRPC, next-auth) reads only what passed it. A reader
 * of a cut body never sees its end: it sees the connection close, as when a client goes away.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, maxBytes = MAX_REQUEST_BYTES): boolean {
  const push = req.push.bind(req);
  let received = 0;
  let refusal: Refusal | null = null;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (refusal) {
      if (chunk === null) refusal.bodyEnded();
      // Dropped, and the socket kept reading: the client must get to its answer.
      return true;
    }
    if (chunk !== null && (Buffer.isBuffer(chunk) || typeof chunk === "string")) {
      received += chunk.length;
      if (received > maxBytes) {
        refusal = refuse(req, res, maxBytes);
        return true;
      }
    }
    return push(chunk, encoding);
  };
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
    refusal = refuse(req, res, maxBytes);
    // Nobody else reads this request: let its body flow into the discarding push above.
    req.resume();
    return true;
  }
  return false;
}

interface Refusal {
  bodyEnded(): void;
}

/**
 * Answers 413 (unless an answer had begun: then the connection closes at once), then closes the
 * connection once both the answer is sent and the body has ended, or LINGER_MS after the answer.
 */
function refuse(req: IncomingMessage, res: ServerResponse, maxBytes: number): Refusal {
  const close = () => req.socket.destroy();
  if (res.headersSent) {
    close();
    return { bodyEnded: () => {} };
  }
  let answered = false;
  let ended = false;
  const message = `Requests are limited to ${maxBytes / MB} MB.`;
  // Without "connection: close", which would have Node close the socket as soon as the answer is written,
  // unread body or not; it is closed below instead.
  res.writeHead(413, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message } }), () => {
    answered = true;
    if (ended) return close();
    const linger = setTimeout(close, LINGER_MS).unref();
    req.socket.once("close", () => clearTimeout(linger));
  });
  return {
    bodyEnded() {
      ended = true;
      if (answered) close();
    },
  };
}
