"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { QuestionEditor, type EditedQuestion } from "@/components/bank/question-editor";
import { StartingDiagramField } from "@/components/bank/starting-diagram-field";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import type { BoardElement } from "@/server/domain/board/board-element";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";

/** Edits a stored question, its starting diagram too, and returns to its page. */
export function EditQuestionForm({
  id,
  initial,
  board: initialBoard,
  competencies,
}: {
  id: string;
  initial: EditedQuestion;
  board: BoardElement[] | null;
  competencies: CompetencySet;
}) {
  const trpc = useTRPC();
  // Sent only when changed: a diagram left alone is kept as stored.
  const [board, setBoard] = useState<{ changed: boolean; elements: BoardElement[] | null }>({ changed: false, elements: initialBoard });
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
      onSave={(value) => update.mutate({ id, ...value, ...(board.changed ? { board: board.elements } : {}) })}
    >
      <StartingDiagramField value={board.elements} onChange={(elements) => setBoard({ changed: true, elements })} />
    </QuestionEditor>
  );
}
