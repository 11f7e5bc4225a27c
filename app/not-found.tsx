import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/app-shell/status-page";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="This page does not exist"
      actions={
        <>
          <Button asChild>
            <Link href="/dashboard">Go to your dashboard</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/">Mockroom home</Link>
          </Button>
        </>
      }
    >
      The link may be mistyped, or what it pointed to was deleted. An interview you were invited to opens from its invite link.
    </StatusPage>
  );
}
