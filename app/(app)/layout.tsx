import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { VerifyEmailBanner } from "@/components/app-shell/verify-email-banner";
import { ReaderZoneProvider } from "@/components/schedule/reader-zone";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";

// Every page in here is per user; none may be prerendered at build time, when there is no database.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // proxy.ts already sends signed-out visitors to sign-in with their path; this is the backstop for a
  // session that stopped being valid, and a layout is not told its page, so the way back is the dashboard.
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/dashboard")}`);
  // A guest has no address; an account's row is read for whether its address is confirmed (one key lookup).
  const me = user.isGuest ? null : await (await serverApi()).account.me().catch(() => null);
  const notice = me?.emailOn && me.email && !me.emailVerified ? <VerifyEmailBanner email={me.email} /> : null;
  return (
    <AppShell user={{ name: user.name, email: user.email, isGuest: user.isGuest }} notice={notice}>
      <ReaderZoneProvider zone={me?.timeZone ?? null}>{children}</ReaderZoneProvider>
    </AppShell>
  );
}
