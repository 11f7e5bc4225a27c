"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type LinkKind = "verify-email" | "change-email";

const TEXT: Record<LinkKind, { action: string; done: (email: string) => string; next: { href: string; label: string } }> = {
  "verify-email": {
    action: "Confirm my address",
    done: (email) => `Thank you: ${email} is confirmed.`,
    next: { href: "/dashboard", label: "Go to Mockroom" },
  },
  "change-email": {
    action: "Use this address",
    done: (email) => `Your account now uses ${email}. You were signed out everywhere: sign in with the new address.`,
    next: { href: "/sign-in", label: "Sign in" },
  },
};

/**
 * The button of an emailed confirmation link. The page opens without using the link (mail scanners
 * open links); a person's click does.
 */
export function LinkAction({ kind, token }: { kind: LinkKind; token: string }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.account.verifyEmail.mutationOptions());
  const change = useMutation(trpc.account.confirmEmailChange.mutationOptions());
  const mutation = kind === "verify-email" ? verify : change;
  const text = TEXT[kind];

  if (mutation.isSuccess) {
    return (
      <div className="grid gap-5">
        <Alert data-testid="link-done">{text.done(mutation.data.email)}</Alert>
        <Button asChild className="h-10 w-full">
          <Link href={text.next.href}>{text.next.label}</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-5">
      {mutation.isError ? (
        <Alert variant="error" data-testid="form-error">
          {mutation.error instanceof TRPCClientError ? mutation.error.message : "Something went wrong. Please try again."}
        </Alert>
      ) : null}
      <Button className="h-10 w-full" loading={mutation.isPending} onClick={() => mutation.mutate({ token })}>
        {text.action}
      </Button>
    </div>
  );
}
