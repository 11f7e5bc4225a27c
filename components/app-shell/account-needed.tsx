import { UserRoundPlus } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * What a guest (a candidate who joined through an invite link, with just a name) sees where a page needs
 * an account, instead of a form that would refuse them: why, and the way to an account, which keeps the
 * interviews they joined.
 */
export function AccountNeeded({ title, reason }: { title: string; reason: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:px-6 sm:py-16">
      <div className="flex flex-col items-center rounded-xl border bg-card px-6 py-12 text-center shadow-xs" data-testid="account-needed">
        <span aria-hidden className="mb-4 flex size-11 items-center justify-center rounded-full border bg-card shadow-xs">
          <UserRoundPlus className="size-5 text-muted-foreground" />
        </span>
        <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 max-w-md text-sm text-muted-foreground">{reason} You joined as a guest; an account keeps the interviews you joined.</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button asChild>
            <Link href="/sign-up">Create an account</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/dashboard">Back to your interviews</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}

/** The bank's pages, for a guest. */
export function BankNeedsAccount() {
  return <AccountNeeded title="The question bank needs an account" reason="The bank holds reference answers and rubrics, so it is open to accounts only." />;
}
