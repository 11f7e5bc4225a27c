"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A failure while rendering a bank page: a sentence and a retry, never a stack trace. */
export default function BankError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto grid max-w-xl gap-4 px-4 py-16 sm:px-6">
      <Alert variant="error">The question bank could not be loaded. Check your connection and try again.</Alert>
      <Button variant="outline" className="justify-self-start" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
