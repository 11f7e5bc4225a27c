import { ChevronRight, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { BankNeedsAccount } from "@/components/app-shell/account-needed";
import { QuestionChips, QuestionView } from "@/components/bank/question-view";
import { CopyDocumentButton } from "@/components/bank/copy-document-button";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";
import { canChangeDocument, canCopyDocument, canReadBank } from "@/server/domain/bank/policy";
import { InlineTitle } from "@/components/ui/inline-title";
import { plainTitle } from "@/components/ui/inline-code";
import { sourceLineLabel } from "@/components/bank/source-line";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

// Metadata and page ask for the same question; one query per request.
const questionFor = cache(async (id: string) =>
  (await serverApi()).bank.question({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await currentUser();
  if (!user || !canReadBank(user)) return { title: "Question bank" };
  return { title: plainTitle((await questionFor(id)).prompt).slice(0, 70) };
}

export default async function BankQuestionPage({ params }: Props) {
  const { id } = await params;
  const user = await currentUser();
  if (!user || !canReadBank(user)) return <BankNeedsAccount />;
  const question = await questionFor(id);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <nav aria-label="Breadcrumb" className="mb-5 flex min-w-0 items-center gap-1.5 text-[13px] text-muted-foreground">
        <Link href="/bank" className="shrink-0 rounded hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          Question bank
        </Link>
        <ChevronRight aria-hidden className="size-3.5 shrink-0" />
        <Link
          href={`/bank?document=${encodeURIComponent(question.document.id)}`}
          className="truncate rounded hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          {question.document.title}
        </Link>
      </nav>

      <header className="mb-8 grid gap-4">
        {question.section.length > 0 ? (
          <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{question.section.slice(-2).join(" · ")}</p>
        ) : null}
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <h1 className="max-w-3xl text-2xl leading-tight font-semibold tracking-tight text-balance sm:text-[28px] sm:leading-9" data-testid="question-prompt">
            <InlineTitle text={question.prompt} />
          </h1>
          {canChangeDocument(user, question.document) ? (
            <Button asChild variant="outline" className="shrink-0">
              <Link href={`/bank/questions/${question.id}/edit`}>
                <Pencil aria-hidden />
                Edit
              </Link>
            </Button>
          ) : canCopyDocument(user, question.document) ? (
            <CopyDocumentButton documentId={question.document.id} sourceFile={question.document.sourceFile} />
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <QuestionChips question={question} />
          <p className="text-xs text-muted-foreground">
            From <span className="font-medium text-foreground">{question.document.title}</span> ({question.document.sourceFile},{" "}
            {sourceLineLabel(question.document.sourceFile, question.source.line)})
            {question.document.ownerId === null ? " · shared, read-only" : " · in your bank"}
          </p>
        </div>
        {question.retired ? (
          <Alert>This question was removed from a newer version of its document. It is kept because an interview template uses it.</Alert>
        ) : null}
      </header>

      <QuestionView question={question} />
    </div>
  );
}
