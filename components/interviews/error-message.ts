import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

/** The sentence the server chose for the user, or a generic one for network trouble. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return "Something went wrong. Check your connection and try again.";
}

/** The first message per field, for forms. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error as TRPCClientError<AppRouter>).data?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fields ?? {})) {
    if (messages?.[0]) out[field] = messages[0];
  }
  return out;
}
