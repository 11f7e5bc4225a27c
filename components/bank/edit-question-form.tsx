"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { QuestionEditor, type EditedQuestion } from "@/components/bank/question-editor";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";

/** Edits a stored question and returns to its page. */
export function EditQuestionForm({ id, initial, competencies }: { id: string; initial: EditedQuestion; competencies: CompetencySet }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(
    trpc.bank.updateQuestion.mutationOptions({
      onSuccess: () => {
        router.push(`/bank/questions/${id}`);
        router.refresh();
      },
    }),
  );
  return (
    <QuestionEditor
      initial={initial}
      competencies={competencies}
      saving={update.isPending}
      error={update.error ? errorMessage(update.error) : null}
      onCancel={() => router.push(`/bank/questions/${id}`)}
      onSave={(value) => update.mutate({ id, ...value })}
    />
  );
}
