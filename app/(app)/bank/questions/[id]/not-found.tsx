import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function BankQuestionNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-4 py-20 text-center sm:px-6">
      <span aria-hidden className="mb-4 flex size-11 items-center justify-center rounded-full border bg-muted/60">
        <SearchX className="size-5 text-muted-foreground" />
      </span>
      <h1 className="text-lg font-semibold tracking-tight">This question is not in the bank</h1>
      <p className="mt-1.5 text-sm text-muted-foreground">
        It may have been removed by a newer version of its document. Interviews that used it keep their own copy.
      </p>
      <Button asChild variant="outline" className="mt-6">
        <Link href="/bank">Back to the question bank</Link>
      </Button>
    </div>
  );
}
