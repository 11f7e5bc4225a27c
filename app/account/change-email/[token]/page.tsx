import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkAction } from "@/components/auth/link-action";
import { CenteredPage } from "@/components/app-shell/centered-page";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <CenteredPage>
      <AuthCard
        title="Confirm your new email address"
        description="Your account moves to this address, and every device signs out."
        footer={
          <Link href="/settings" className="font-medium text-foreground underline-offset-4 hover:underline">
            Your settings
          </Link>
        }
      >
        <LinkAction kind="change-email" token={decodeURIComponent(token)} />
      </AuthCard>
    </CenteredPage>
  );
}
