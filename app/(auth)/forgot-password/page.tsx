import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Alert } from "@/components/ui/alert";
import { processRuntime } from "@/server/platform/process-runtime";

export const metadata: Metadata = { title: "Forgot password" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  const emailOn = processRuntime().smtp !== null;
  return (
    <AuthCard
      title="Forgot your password?"
      description="Enter the address you sign in with. We will email you a link to choose a new password."
      footer={
        <>
          Remembered it?{" "}
          <Link href="/sign-in" className="font-medium text-foreground underline-offset-4 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {emailOn ? (
        <ForgotPasswordForm />
      ) : (
        <Alert data-testid="email-off">
          This server does not send email, so it cannot send you a reset link. Ask whoever runs this Mockroom to reset your password for you.
        </Alert>
      )}
    </AuthCard>
  );
}
