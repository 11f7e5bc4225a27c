"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, Tags, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CompetencySetEditor } from "@/components/bank/competency-set-editor";
import { CopyDocumentButton } from "@/components/bank/copy-document-button";
import { downloadJson } from "@/components/bank/download-json";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";
import { FormError } from "@/components/ui/form-error";

interface DocumentSummary {
  id: string;
  title: string;
  sourceFile: string;
  shared: boolean;
  count: number;
  competencies: CompetencySet;
}

/** What a reader can do with the document the bank is filtered to: export it, and copy it (shared) or delete it (their own). */
export function DocumentActions({ document, onDeleted }: { document: DocumentSummary; onDeleted: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.bank.deleteDocument.mutationOptions());
  const [exporting, setExporting] = useState(false);
  const [showCompetencies, setShowCompetencies] = useState(false);

  async function exportDocument() {
    setError(null);
    setExporting(true);
    try {
      const documents = await queryClient.fetchQuery(trpc.bank.export.queryOptions({ documentId: document.id }));
      downloadJson(`${document.sourceFile.replace(/\.[^.]+$/, "")}.bank.json`, documents);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setExporting(false);
    }
  }

  async function deleteDocument() {
    setError(null);
    try {
      await remove.mutateAsync({ documentId: document.id });
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: trpc.bank.pathKey() });
      onDeleted();
    } catch (caught) {
      setConfirming(false);
      setError(errorMessage(caught));
    }
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-card px-4 py-3 shadow-xs" data-testid="document-actions">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium">{document.title}</p>
        <p className="text-xs text-muted-foreground">
          {document.sourceFile} · {document.shared ? "shared with everyone, read-only" : "in your bank, only you can see it"}
        </p>
        <FormError message={error} className="mt-1 text-xs" />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="ghost" size="sm" aria-expanded={showCompetencies} onClick={() => setShowCompetencies((shown) => !shown)}>
          <Tags aria-hidden />
          Competencies
        </Button>
        <Button variant="ghost" size="sm" onClick={() => void exportDocument()} loading={exporting}>
          <Download aria-hidden />
          Export JSON
        </Button>
        {document.shared ? (
          <CopyDocumentButton documentId={document.id} sourceFile={document.sourceFile} />
        ) : (
          <Button variant="ghost" size="sm" className="hover:text-destructive" onClick={() => setConfirming(true)}>
            <Trash2 aria-hidden />
            Delete document
          </Button>
        )}
      </div>
      {showCompetencies ? <DocumentCompetencies document={document} /> : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${document.title}?`}
        description={`Its ${document.count === 1 ? "question" : `${document.count} questions`} leave your bank. Interviews already planned or run keep their own copy of what they asked.`}
        confirmLabel="Delete document"
        pending={remove.isPending}
        onConfirm={() => void deleteDocument()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function DocumentCompetencies({ document }: { document: DocumentSummary }) {
  return (
    <div className="w-full border-t pt-3" data-testid="document-competencies">
      <p className="mb-2 text-xs text-muted-foreground">Each rubric criterion is scored under one of these; scores and progress are charted by them.</p>
      <CompetencySetEditor key={document.id} documentId={document.id} competencies={document.competencies} editable={!document.shared} />
    </div>
  );
}
