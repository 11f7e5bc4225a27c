import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { CenteredPage } from "@/components/app-shell/centered-page";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Opening the page changes nothing (mail scanners open links); the form's submit uses the link.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <CenteredPage>
      <AuthCard
        title="Choose a new password"
        description="Setting it signs you out on every device; then sign in with the new one."
        footer={
          <Link href="/forgot-password" className="font-medium text-foreground underline-offset-4 hover:underline">
            Ask for a new link
          </Link>
        }
      >
        <ResetPasswordForm token={decodeURIComponent(token)} />
      </AuthCard>
    </CenteredPage>
  );
}
