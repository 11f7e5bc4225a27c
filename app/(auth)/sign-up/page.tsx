import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { safeCallbackUrl, withCallbackUrl } from "@/components/auth/safe-callback-url";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { enabledProviders } from "@/server/auth/options";
import { currentUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Create account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  // The auth layout lets guests through; their account is claimed, not created, on submit.
  const guest = await currentUser();
  return (
    <AuthCard
      title="Create your account"
      description="Run interviews, practise with the bank and keep every session."
      footer={
        <>
          Already have an account?{" "}
          <Link href={withCallbackUrl("/sign-in", callbackUrl)} className="font-medium text-foreground underline-offset-4 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {guest?.isGuest ? (
        <Alert className="mb-6">You are in as a guest{guest.name ? `, ${guest.name}` : ""}. Your interviews move to the new account.</Alert>
      ) : (
        <OAuthButtons providers={enabledProviders()} callbackUrl={callbackUrl} />
      )}
      <SignUpForm callbackUrl={callbackUrl} defaultName={guest?.name ?? undefined} />
    </AuthCard>
  );
}
