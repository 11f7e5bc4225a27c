import { TRPCClientError } from "@trpc/client";
import { fieldErrorsFromServer, type FieldErrors } from "@/components/auth/field-errors";
import type { AppRouter } from "@/server/api/app-router";

/** The sentence the server chose for the user, or a generic one for network trouble. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return "Something went wrong. Check your connection and try again.";
}

/** The first message per field, for forms. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error as TRPCClientError<AppRouter>).data as { fieldErrors?: Record<string, string[] | undefined> } | undefined;
  return fieldErrorsFromServer(data?.fieldErrors);
}
