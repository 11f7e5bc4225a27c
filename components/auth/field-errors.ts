import type { z } from "zod";

/** One message per field: a single clear sentence under an input reads better than a list. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    errors[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  }
  return errors;
}

/** The server's `fieldErrors` (tRPC error data) in the same shape as the client's own checks. */
export function fieldErrorsFromServer(fieldErrors: Record<string, string[] | undefined> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    if (messages?.[0]) errors[field] = messages[0];
  }
  return errors;
}

/** Moves focus to the first field the user needs to fix, in the order the form shows them. */
export function focusFirstInvalid(form: HTMLFormElement, errors: FieldErrors, order: readonly string[]): void {
  const name = order.find((field) => errors[field]);
  const element = name ? form.elements.namedItem(name) : null;
  if (element instanceof HTMLElement) element.focus();
}
