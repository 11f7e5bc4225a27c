"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from "@/components/auth/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import type { AppRouter } from "@/server/api/app-router";
import { resetPasswordInput } from "@/server/api/routers/account/reset-password.schema";

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    setFormError(null);
    if (values.get("password") !== values.get("confirm")) {
      setErrors({ confirm: "The two passwords differ" });
      return;
    }
    const parsed = resetPasswordInput.safeParse({ token, password: values.get("password") });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setErrors({});
    try {
      await reset.mutateAsync(parsed.data);
      setDone(true);
    } catch (error) {
      const fields = error instanceof TRPCClientError ? fieldErrorsFromServer((error as TRPCClientError<AppRouter>).data?.fieldErrors) : {};
      setErrors(fields);
      setFormError(fields.password ? null : error instanceof TRPCClientError ? error.message : "Something went wrong. Please try again.");
    }
  }

  if (done) {
    return (
      <div className="grid gap-5">
        <Alert data-testid="password-changed">Your password is changed, and every device that was signed in has been signed out.</Alert>
        <Button asChild className="h-10 w-full">
          <Link href="/sign-in">Sign in with the new password</Link>
        </Button>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Choose a new password">
      {formError ? (
        <Alert variant="error" data-testid="form-error">
          {formError}
        </Alert>
      ) : null}
      <FormField
        id="reset-password"
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.password}
      />
      <FormField id="reset-confirm" name="confirm" type="password" label="New password, again" autoComplete="new-password" error={errors.confirm} />
      <Button type="submit" className="mt-1 h-10 w-full" loading={reset.isPending}>
        Set the new password
      </Button>
    </form>
  );
}
