import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { BankNeedsAccount } from "@/components/app-shell/account-needed";
import { EditQuestionForm } from "@/components/bank/edit-question-form";
import { editedFrom } from "@/components/bank/question-draft";
import { CopyDocumentButton } from "@/components/bank/copy-document-button";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";
import { canChangeDocument, canImportToBank } from "@/server/domain/bank/policy";

export const metadata: Metadata = { title: "Edit question" };
export const dynamic = "force-dynamic";

export default async function EditBankQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user || !canImportToBank(user)) return <BankNeedsAccount />;
  const question = await (await serverApi()).bank.question({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-10">
      <Link
        href={`/bank/questions/${question.id}`}
        className="mb-5 inline-flex items-center gap-1 rounded text-[13px] text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <ChevronLeft aria-hidden className="size-3.5" />
        Back to the question
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Edit question</h1>
      <p className="mt-1.5 text-sm text-muted-foreground">
        From {question.document.title}. Interviews already planned keep the version they were planned with; a new version of the document replaces these
        corrections.
      </p>
      {canChangeDocument(user, question.document) ? (
        <Card className="mt-6 p-5 sm:p-6">
          <EditQuestionForm id={question.id} initial={editedFrom(question)} board={question.board ?? null} competencies={question.document.competencies} />
        </Card>
      ) : (
        <div className="mt-6 grid justify-items-start gap-4">
          <Alert>{question.document.sourceFile} is a shared document and read-only. Copy it to your bank to edit its questions.</Alert>
          <CopyDocumentButton documentId={question.document.id} sourceFile={question.document.sourceFile} />
        </div>
      )}
    </div>
  );
}
