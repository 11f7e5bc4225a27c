"use client";

import Link from "next/link";
import { StatusPage } from "@/components/app-shell/status-page";
import { Button } from "@/components/ui/button";

/** Anything that failed while rendering a page: a sentence and a retry, never a stack trace. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong on our side"
      actions={
        <>
          <Button onClick={reset}>Try again</Button>
          <Button asChild variant="outline">
            <Link href="/dashboard">Go to your dashboard</Link>
          </Button>
        </>
      }
    >
      Try again in a moment. What happens in an interview is saved as it happens, so nothing there is lost.
      {error.digest ? <span className="mt-2 block font-mono text-xs">Reference {error.digest}</span> : null}
    </StatusPage>
  );
}
