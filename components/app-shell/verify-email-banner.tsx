"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

/** Shown to an account whose address is not confirmed yet, on servers that send email. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());
  const note = resend.isSuccess
    ? resend.data.sent
      ? `Sent. Open the link in the email to ${email}.`
      : "Your address is confirmed already, or this server cannot send email."
    : resend.isError
      ? resend.error instanceof TRPCClientError
        ? resend.error.message
        : "Something went wrong. Please try again."
      : null;
  return (
    <div role="status" data-testid="verify-email-banner" className="border-b bg-muted">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 text-sm sm:px-6">
        <p className="min-w-0 flex-1">
          Please confirm <span className="font-medium">{email}</span>: we sent you a link when you signed up.
          {note ? <span className="ml-2 text-muted-foreground">{note}</span> : null}
        </p>
        {resend.isSuccess ? null : (
          <Button size="sm" variant="outline" loading={resend.isPending} onClick={() => resend.mutate()}>
            Send the link again
          </Button>
        )}
      </div>
    </div>
  );
}
