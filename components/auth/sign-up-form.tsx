"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { fieldErrorsFromServer, fieldErrorsFromZod, focusFirstInvalid, type FieldErrors } from "@/components/auth/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import type { AppRouter } from "@/server/api/app-router";
import { signUpInput } from "@/server/api/routers/account/sign-up.schema";

const FIELDS = ["name", "email", "password"] as const;

export function SignUpForm({ callbackUrl, defaultName }: { callbackUrl: string; defaultName?: string | undefined }) {
  const router = useRouter();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const pending = signUp.isPending || signingIn;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    setFormError(null);
    const parsed = signUpInput.safeParse({ name: values.get("name"), email: values.get("email"), password: values.get("password") });
    if (!parsed.success) {
      const next = fieldErrorsFromZod(parsed.error);
      setErrors(next);
      focusFirstInvalid(form, next, FIELDS);
      return;
    }
    setErrors({});

    try {
      await signUp.mutateAsync(parsed.data);
    } catch (error) {
      const serverErrors = error instanceof TRPCClientError ? fieldErrorsFromServer((error as TRPCClientError<AppRouter>).data?.fieldErrors) : {};
      const shownUnderFields = FIELDS.some((field) => serverErrors[field]);
      setErrors(serverErrors);
      if (shownUnderFields) focusFirstInvalid(form, serverErrors, FIELDS);
      else setFormError(error instanceof TRPCClientError ? error.message : "Something went wrong. Please try again.");
      return;
    }

    // Signing in with the new credentials also replaces a guest's session with the claimed account.
    setSigningIn(true);
    const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    if (!result || result.error) {
      setSigningIn(false);
      setFormError("Your account is ready, but we could not sign you in. Please sign in.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  function clearError(field: string) {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Create account">
      {formError ? (
        <Alert variant="error" data-testid="form-error">
          {formError}
        </Alert>
      ) : null}
      <SignUpFields defaultName={defaultName} errors={errors} onEdit={clearError} />
      <Button type="submit" className="mt-1 h-10 w-full" loading={pending}>
        Create account
      </Button>
    </form>
  );
}

function SignUpFields({ defaultName, errors, onEdit }: { defaultName: string | undefined; errors: FieldErrors; onEdit: (field: string) => void }) {
  return (
    <>
      <FormField
        id="sign-up-name"
        name="name"
        label="Name"
        autoComplete="name"
        placeholder="Ada Lovelace"
        defaultValue={defaultName}
        error={errors.name}
        onChange={() => onEdit("name")}
      />
      <FormField
        id="sign-up-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        placeholder="you@company.com"
        error={errors.email}
        onChange={() => onEdit("email")}
      />
      <FormField
        id="sign-up-password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.password}
        onChange={() => onEdit("password")}
      />
    </>
  );
}
