import { classifyCompetency } from "@/server/domain/scoring/classify-competency";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";
import type { BankDocument, BankQuestion } from "./bank-format";

/**
 * The importer's last pass: every criterion gets a competency of the document's set. A criterion that
 * names one of the set keeps it (a correction, or a file exported with its competencies); one without, or
 * naming a competency the set lacks, gets the classifier's proposal from its title, look-fors, question and
 * document. Readers of criteria stored before competencies existed run the same pass.
 */
export function assignQuestionCompetencies<Q extends Pick<BankQuestion, "prompt" | "section" | "rubric">>(
  question: Q,
  set: CompetencySet,
  documentTitle: string,
): Q {
  const keys = new Set(set.map((competency) => competency.key));
  return {
    ...question,
    rubric: question.rubric.map((criterion) =>
      criterion.competency !== undefined && keys.has(criterion.competency)
        ? criterion
        : { ...criterion, competency: classifyCompetency({ ...criterion, prompt: question.prompt, section: question.section, documentTitle }, set).key },
    ),
  };
}

/** The pass over a whole document; `set` replaces its own, as when a new version of a file lands on a document whose owner edited its set. */
export function assignCompetencies<D extends Pick<BankDocument, "title" | "competencies" | "questions">>(
  document: D,
  set: CompetencySet = document.competencies,
): D {
  return { ...document, competencies: set, questions: document.questions.map((question) => assignQuestionCompetencies(question, set, document.title)) };
}
