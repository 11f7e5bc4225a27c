"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, EyeOff, FileJson, Printer, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { errorMessage } from "@/components/providers/trpc-errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { downloadFile } from "@/components/ui/download-file";
import { FormError } from "@/components/ui/form-error";

type ExportFormat = "markdown" | "json";

interface SessionActionsProps {
  sessionId: string;
  title: string;
  canDelete: boolean;
  canHide: boolean;
  hidden: boolean;
}

/** Export (Markdown, JSON), print, and delete (owner) or hide from my history (everyone else). */
export function SessionActions({ sessionId, title, canDelete, canHide, hidden }: SessionActionsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useMutation(trpc.interview.delete.mutationOptions());
  const hide = useMutation(trpc.review.setHidden.mutationOptions());

  async function exportAs(format: ExportFormat) {
    setError(null);
    setExporting(format);
    try {
      const file = await queryClient.fetchQuery(trpc.review.export.queryOptions({ sessionId, format }, { staleTime: 0 }));
      downloadFile(file.filename, file.content, file.mimeType);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setExporting(null);
    }
  }

  async function deleteConfirmed() {
    setError(null);
    try {
      await remove.mutateAsync({ sessionId });
      router.push("/history");
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
      setConfirmingDelete(false);
    }
  }

  async function toggleHidden() {
    setError(null);
    try {
      await hide.mutateAsync({ sessionId, hidden: !hidden });
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <div className="grid justify-items-end gap-2 print:hidden">
      <div className="flex flex-wrap justify-end gap-2">
        <ExportButtons exporting={exporting} onExport={(format) => void exportAs(format)} />
        {canHide ? (
          <Button variant="ghost" size="sm" onClick={() => void toggleHidden()} loading={hide.isPending}>
            <EyeOff aria-hidden />
            {hidden ? "Show in my history" : "Hide from my history"}
          </Button>
        ) : null}
        {canDelete ? (
          <Button variant="ghost" size="sm" className="hover:text-destructive" onClick={() => setConfirmingDelete(true)}>
            <Trash2 aria-hidden />
            Delete
          </Button>
        ) : null}
      </div>
      <FormError message={error} />
      <ConfirmDialog
        open={confirmingDelete}
        title={`Delete “${title}”?`}
        description="The session is removed for everyone: its questions as asked, the event log, notes, scorecards, feedback and invites. This cannot be undone."
        confirmLabel="Delete session"
        onConfirm={() => void deleteConfirmed()}
        onCancel={() => setConfirmingDelete(false)}
        pending={remove.isPending}
      />
    </div>
  );
}

function ExportButtons({ exporting, onExport }: { exporting: ExportFormat | null; onExport: (format: ExportFormat) => void }) {
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => onExport("markdown")} loading={exporting === "markdown"}>
        <Download aria-hidden />
        Markdown
      </Button>
      <Button variant="outline" size="sm" onClick={() => onExport("json")} loading={exporting === "json"}>
        <FileJson aria-hidden />
        JSON
      </Button>
      <Button variant="outline" size="sm" onClick={() => window.print()}>
        <Printer aria-hidden />
        Print or PDF
      </Button>
    </>
  );
}
