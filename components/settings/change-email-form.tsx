"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState, type FormEvent } from "react";
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from "@/components/auth/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import type { AppRouter } from "@/server/api/app-router";
import { requestEmailChangeInput } from "@/server/api/routers/account/request-email-change.schema";

/** Asks to move to a new address; it changes when the link sent there is opened. */
export function ChangeEmailForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestEmailChange.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    setMessage(null);
    const parsed = requestEmailChangeInput.safeParse({ newEmail: values.get("newEmail"), password: values.get("password") });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    try {
      setMessage({ error: false, text: (await request.mutateAsync(parsed.data)).message });
      form.reset();
    } catch (error) {
      const fields = error instanceof TRPCClientError ? fieldErrorsFromServer((error as TRPCClientError<AppRouter>).data?.fieldErrors) : {};
      setErrors(fields);
      if (!fields.newEmail && !fields.password)
        setMessage({ error: true, text: error instanceof TRPCClientError ? error.message : "Something went wrong. Please try again." });
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Change email address">
      <FormField id="settings-new-email" name="newEmail" type="email" label="New address" autoComplete="email" inputMode="email" error={errors.newEmail} />
      <FormField id="settings-password" name="password" type="password" label="Current password" autoComplete="current-password" error={errors.password} />
      {message ? (
        <Alert variant={message.error ? "error" : "info"} data-testid="change-email-message">
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" variant="outline" className="h-10 w-fit" loading={request.isPending}>
        Send a confirmation link
      </Button>
    </form>
  );
}
