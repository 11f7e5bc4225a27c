/**
 * Why a command was refused. The codes are a subset of the app's `AppError` codes so that the service can
 * rethrow them unchanged; CONFLICT means "not possible in the room's current state" (e.g. next after the
 * last question). Messages are fixed sentences: they never echo input or any content the actor cannot see.
 */
export type RoomErrorCode = "BAD_REQUEST" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE";

export interface RoomError {
  code: RoomErrorCode;
  message: string;
}

export type Refused = { ok: false; error: RoomError };

export function refuse(code: RoomErrorCode, message: string): Refused {
  return { ok: false, error: { code, message } };
}
