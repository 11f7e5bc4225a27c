/** The one error type of the app. tRPC's error formatter and the socket acknowledgements both map it. */
export const ERROR_CODES = {
  BAD_REQUEST: "The request was not valid.",
  UNAUTHORIZED: "Please sign in first.",
  FORBIDDEN: "You are not allowed to do that.",
  NOT_FOUND: "That was not found.",
  CONFLICT: "That conflicts with something that already exists.",
  PAYLOAD_TOO_LARGE: "That is too large.",
  RATE_LIMITED: "Too many requests; slow down a little.",
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

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** What a client may see of any thrown value: AppErrors as they are, everything else as INTERNAL. */
export function toFailure(error: unknown): Failure {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  }
  return { ok: false, code: "INTERNAL", message: ERROR_CODES.INTERNAL };
}
