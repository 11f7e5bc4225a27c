"use client";

import { useMutation } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import { FormError } from "@/components/ui/form-error";

/** "Copy to my bank": a private, editable copy of a shared document; opens the copy in the bank. */
export function CopyDocumentButton({ documentId, sourceFile }: { documentId: string; sourceFile: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const copy = useMutation(
    trpc.bank.copyDocument.mutationOptions({
      onSuccess: ({ documentId: copyId }) => {
        router.push(`/bank?document=${encodeURIComponent(copyId)}`);
        router.refresh();
      },
    }),
  );
  return (
    <div className="grid shrink-0 justify-items-start gap-1.5 sm:justify-items-end">
      <Button
        variant="outline"
        disabled={copy.isPending}
        onClick={() => copy.mutate({ documentId })}
        title={`Make an editable copy of ${sourceFile} in your bank`}
      >
        <Copy aria-hidden />
        {copy.isPending ? "Copying…" : "Copy to my bank"}
      </Button>
      <FormError message={copy.error ? errorMessage(copy.error) : null} className="max-w-xs text-xs" />
    </div>
  );
}
