import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { CenteredPage } from "@/components/app-shell/centered-page";
import { currentUser } from "@/server/auth/session";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Guests stay: signing up is how they keep what they did with an invite link.
  if (user && !user.isGuest) redirect("/dashboard");

  return <CenteredPage>{children}</CenteredPage>;
}
