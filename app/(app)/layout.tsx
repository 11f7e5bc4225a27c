import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { currentUser } from "@/server/auth/session";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // A layout is not told which page is being rendered, so the way back after sign-in is the dashboard.
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/dashboard")}`);
  return <AppShell user={{ name: user.name, email: user.email, isGuest: user.isGuest }}>{children}</AppShell>;
}
