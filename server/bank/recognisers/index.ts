import { recogniseDetailsSummary } from "./details-summary";
import { recogniseFieldLabel } from "./field-label";
import { recogniseFollowUpLabel } from "./follow-up-label";
import { recogniseHeadingQuestion } from "./heading-question";
import { recogniseLabelledItems } from "./labelled-items";
import { recogniseLabelledQuestion } from "./labelled-question";
import { recogniseMetaLine } from "./meta-line";
import { recogniseNumberedQuestion } from "./numbered-question";
import { recogniseLinkedQuestionList, recogniseQuestionList, recogniseQuotedQuestions } from "./question-list";
import type { Recogniser } from "./recogniser";
import { recogniseScoreLine } from "./score-line";
import { recogniseTableQuestions } from "./table-questions";
import { recogniseTitledTask } from "./titled-task";

/** Tried in order; the first that claims a unit decides what it is. Labels before questions, so that
 * "### What is this question testing?" is a rubric label, not a question. */
export const RECOGNISERS: readonly Recogniser[] = [
  recogniseDetailsSummary,
  recogniseFollowUpLabel,
  // "Score: 8/10" is a score, not a "Score:" label with text after it.
  recogniseScoreLine,
  recogniseFieldLabel,
  recogniseLabelledItems,
  recogniseLabelledQuestion,
  recogniseNumberedQuestion,
  recogniseHeadingQuestion,
  recogniseMetaLine,
  recogniseTableQuestions,
  recogniseLinkedQuestionList,
  recogniseQuestionList,
  recogniseQuotedQuestions,
  recogniseTitledTask,
];
