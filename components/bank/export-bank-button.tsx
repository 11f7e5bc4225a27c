"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { downloadJson } from "@/components/bank/download-json";
import { useTRPC } from "@/components/providers/trpc";

/** Everything the user can read in the bank, in the interchange format (docs/bank-format.md). */
export function ExportBankButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<"idle" | "exporting" | "failed">("idle");

  async function exportBank() {
    setState("exporting");
    try {
      downloadJson("mockroom-bank.json", await queryClient.fetchQuery(trpc.bank.export.queryOptions({})));
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  return (
    <Button
      variant="outline"
      onClick={() => void exportBank()}
      loading={state === "exporting"}
      title={state === "failed" ? "The export failed; try again" : "Download the bank you can see as JSON"}
    >
      <Download aria-hidden />
      {state === "failed" ? "Export failed, retry" : "Export"}
    </Button>
  );
}
