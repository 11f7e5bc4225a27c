import { TRPCClientError } from "@trpc/client";

/** The sentence the server chose for the user, or a generic one for network trouble. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return "Something went wrong. Check your connection and try again.";
}
