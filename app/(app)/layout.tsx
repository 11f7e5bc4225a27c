import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { currentUser } from "@/server/auth/session";

// Every page in here is per user; none may be prerendered at build time, when there is no database.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // proxy.ts already sends signed-out visitors to sign-in with their path; this is the backstop for a
  // session that stopped being valid, and a layout is not told its page, so the way back is the dashboard.
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/dashboard")}`);
  return <AppShell user={{ name: user.name, email: user.email, isGuest: user.isGuest }}>{children}</AppShell>;
}
