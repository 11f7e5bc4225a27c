/** The one error type of the app. tRPC's error formatter and the socket acknowledgements both map it. */
export const ERROR_CODES = {
  BAD_REQUEST: "The request was not valid.",
  UNAUTHORIZED: "Please sign in first.",
  FORBIDDEN: "You are not allowed to do that.",
  NOT_FOUND: "That was not found.",
  CONFLICT: "That conflicts with something that already exists.",
  PAYLOAD_TOO_LARGE: "That is too large.",
  RATE_LIMITED: "Too many requests; slow down a little.",
  /** Load, never a bug: the client retries after `retryAfterMs`. */
  BUSY: "The server is busy; retrying shortly.",
  OUTDATED_CLIENT: "Mockroom was updated. Reload the page to continue.",
  INTERNAL: "Something went wrong on our side. Please try again.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    /** Per-field messages for forms, e.g. { email: ["already registered"] }. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** Refused for load (a full queue) or pace: the same request may be sent again after `retryAfterMs`. */
export class RetryLaterError extends AppError {
  constructor(
    code: "BUSY" | "RATE_LIMITED",
    readonly retryAfterMs: number,
  ) {
    super(code);
  }
}

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; retryAfterMs?: number };

/** What a client may see of any thrown value: AppErrors as they are, everything else as INTERNAL. */
export function toFailure(error: unknown): Failure {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error instanceof RetryLaterError ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  return { ok: false, code: "INTERNAL", message: ERROR_CODES.INTERNAL };
}
