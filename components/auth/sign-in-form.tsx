"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { fieldErrorsFromZod, focusFirstInvalid, type FieldErrors } from "@/components/auth/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { signInInput, TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";

const FIELDS = ["email", "password"] as const;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    setFormError(null);
    const parsed = signInInput.safeParse({ email: values.get("email"), password: values.get("password") });
    if (!parsed.success) {
      const next = fieldErrorsFromZod(parsed.error);
      setErrors(next);
      focusFirstInvalid(form, next, FIELDS);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setFormError(
        !result || result.error === "CredentialsSignin"
          ? "Incorrect email or password."
          : result.error === TOO_MANY_ATTEMPTS
            ? TOO_MANY_ATTEMPTS
            : "We could not sign you in. Please try again.",
      );
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  function clearError(field: string) {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Sign in">
      {formError ? (
        <Alert variant="error" data-testid="form-error">
          {formError}
        </Alert>
      ) : null}
      <FormField
        id="sign-in-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        placeholder="you@company.com"
        error={errors.email}
        onChange={() => clearError("email")}
      />
      <FormField
        id="sign-in-password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        labelAside={
          <Link href="/forgot-password" className="text-[13px] text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
            Forgot password?
          </Link>
        }
        error={errors.password}
        onChange={() => clearError("password")}
      />
      <Button type="submit" className="mt-1 h-10 w-full" loading={pending}>
        Sign in
      </Button>
    </form>
  );
}
