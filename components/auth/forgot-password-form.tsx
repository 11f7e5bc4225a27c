"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState, type FormEvent } from "react";
import { fieldErrorsFromZod, type FieldErrors } from "@/components/auth/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { requestPasswordResetInput } from "@/server/api/routers/account/request-password-reset.schema";

/** Asks for a reset link; the answer is the same sentence whether or not the address has an account. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(null);
    const parsed = requestPasswordResetInput.safeParse({ email: new FormData(form).get("email") });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      (form.elements.namedItem("email") as HTMLElement | null)?.focus();
      return;
    }
    setErrors({});
    try {
      setAnswer((await request.mutateAsync(parsed.data)).message);
    } catch (error) {
      setFormError(error instanceof TRPCClientError ? error.message : "Something went wrong. Please try again.");
    }
  }

  if (answer) {
    return (
      <Alert data-testid="reset-requested">
        <p>{answer}</p>
        <p className="mt-2 text-muted-foreground">Nothing arrived? Check your spam folder, or try again in a few minutes.</p>
      </Alert>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Ask for a reset link">
      {formError ? (
        <Alert variant="error" data-testid="form-error">
          {formError}
        </Alert>
      ) : null}
      <FormField
        id="forgot-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        placeholder="you@company.com"
        error={errors.email}
        onChange={() => setErrors({})}
      />
      <Button type="submit" className="mt-1 h-10 w-full" loading={request.isPending}>
        Email me a reset link
      </Button>
    </form>
  );
}
