import { AlertTriangle, CircleCheck, Code2, FileText, Lightbulb, ListChecks, MessageSquareReply, NotebookPen, Shapes, Star } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { CompetencyBadge } from "@/components/bank/competency-badge";
import { CodeSpecView } from "@/components/bank/code-spec-view";
import { BoardDrawing } from "@/components/review/board-drawing";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import type { BankQuestionDetail } from "@/server/api/routers/bank/question.schema";
import { InlineTitle } from "@/components/ui/inline-title";
import { boardOf } from "@/server/domain/board/board";
import type { PartSource, SourcePassage } from "@/server/domain/bank/part-sources";
import { SourcedPart } from "@/components/bank/part-source";

function Section({ title, icon: Icon, count, children, testId }: { title: string; icon: LucideIcon; count?: number; children: ReactNode; testId?: string }) {
  return (
    <section className="grid gap-3" data-testid={testId} aria-label={title}>
      <h2 className="flex items-center gap-2 text-sm font-semibold tracking-tight">
        <Icon aria-hidden className="size-4 text-muted-foreground" />
        {title}
        {count !== undefined ? <span className="font-normal text-muted-foreground tabular-nums">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

/** Where the parts a list shows come from, index for index, with the passages they open; absent when unknown. */
interface ListSources {
  sources: ReadonlyArray<PartSource | undefined>;
  passages: readonly SourcePassage[];
  part: string;
}

function Bullets({ items, marker = "dot", sourced }: { items: string[]; marker?: "dot" | "check" | "warn"; sourced?: ListSources }) {
  return (
    <ul className="grid gap-1.5 text-sm leading-6">
      {items.map((item, index) => (
        <li key={index} className="flex gap-2.5">
          {marker === "check" ? (
            <CircleCheck aria-hidden className="mt-1 size-3.5 shrink-0 text-success" />
          ) : marker === "warn" ? (
            <AlertTriangle aria-hidden className="mt-1 size-3.5 shrink-0 text-destructive" />
          ) : (
            <span aria-hidden className="mt-2.5 size-1 shrink-0 rounded-full bg-muted-foreground/60" />
          )}
          {sourced ? (
            <SourcedPart source={sourced.sources[index]} passages={sourced.passages} part={sourced.part} className="min-w-0 flex-1">
              <span className="[overflow-wrap:anywhere]">{item}</span>
            </SourcedPart>
          ) : (
            <span className="min-w-0 [overflow-wrap:anywhere]">{item}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The metadata a document gave the question, as chips. */
export function QuestionChips({ question }: { question: Pick<BankQuestionDetail, "meta" | "followUps" | "rubric"> }) {
  const { meta } = question;
  if (!meta.difficulty && !meta.level && !meta.role && meta.companies.length === 0 && meta.tags.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-1.5" data-testid="question-chips">
      {meta.difficulty ? <Badge variant="accent">{meta.difficulty}</Badge> : null}
      {meta.level ? <Badge variant="outline">{meta.level}</Badge> : null}
      {meta.role ? <Badge variant="outline">{meta.role}</Badge> : null}
      {meta.companies.map((company) => (
        <Badge key={`c-${company}`} variant="neutral">
          {company}
        </Badge>
      ))}
      {meta.tags.map((tag) => (
        <Badge key={`t-${tag}`} variant="neutral">
          #{tag}
        </Badge>
      ))}
    </div>
  );
}

/** Everything the bank holds about one question, laid out for an interviewer preparing or scoring. */
export function QuestionView({ question }: { question: BankQuestionDetail }) {
  const notes = question.meta.interviewerNotes;
  // Documents often list the same points as criteria and as key points; the rubric already shows those.
  const inRubric = new Set(question.rubric.flatMap((c) => [c.title, ...c.lookFor]).map((text) => text.toLowerCase()));
  const shown = question.keyPoints.flatMap((point, index) =>
    inRubric.has(point.toLowerCase()) ? [] : [{ point, source: question.partSources?.keyPoints[index] }],
  );
  const keyPoints = shown.map((entry) => entry.point);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <div className="grid min-w-0 gap-6">
        {question.context ? (
          <Card className="p-5 sm:p-6">
            <Section title="Context" icon={FileText}>
              <Markdown>{question.context}</Markdown>
            </Section>
          </Card>
        ) : null}

        {question.code ? (
          <Card className="p-5 sm:p-6">
            <Section title="Code" icon={Code2}>
              <CodeSpecView code={question.code} />
            </Section>
          </Card>
        ) : null}

        {question.board?.length ? (
          <Card className="p-5 sm:p-6">
            <Section title="Starting diagram" icon={Shapes} testId="question-diagram">
              <BoardDrawing board={boardOf(question.board)} title="The whiteboard opens with it in the room" />
            </Section>
          </Card>
        ) : null}

        <Card className="p-5 sm:p-6">
          <Section title="Reference answer" icon={Lightbulb} testId="question-answer">
            {question.answer ? (
              <Markdown>{question.answer}</Markdown>
            ) : (
              <p className="text-sm text-muted-foreground">The document gives no answer for this question.</p>
            )}
          </Section>
        </Card>

        {question.meta.answerFramework ? (
          <Card className="p-5 sm:p-6">
            <Section title="How to structure an answer" icon={ListChecks}>
              <Markdown>{question.meta.answerFramework}</Markdown>
            </Section>
          </Card>
        ) : null}

        <FollowUpsCard followUps={question.followUps} sources={question.partSources?.followUps} passages={question.passages} />
        {notes.length > 0 ? (
          <Card className="p-5 sm:p-6">
            <Section title="Interviewer notes" icon={NotebookPen}>
              <Bullets items={notes} />
              <p className="text-xs text-muted-foreground">Never shown to the candidate.</p>
            </Section>
          </Card>
        ) : null}
        {keyPoints.length > 0 ? (
          <Card className="p-5 sm:p-6">
            <Section title="Key points" icon={CircleCheck} count={keyPoints.length}>
              <Bullets items={keyPoints} sourced={{ sources: shown.map((entry) => entry.source), passages: question.passages, part: "key point" }} />
            </Section>
          </Card>
        ) : null}
      </div>

      <QuestionAside question={question} />
    </div>
  );
}

function FollowUpsCard({
  followUps,
  sources,
  passages,
}: {
  followUps: BankQuestionDetail["followUps"];
  sources: readonly PartSource[] | undefined;
  passages: readonly SourcePassage[];
}) {
  return (
    <Card className="p-5 sm:p-6">
      <Section title="Follow-up questions" icon={MessageSquareReply} count={followUps.length} testId="question-follow-ups">
        {followUps.length === 0 ? (
          <p className="text-sm text-muted-foreground">No follow-ups in the document.</p>
        ) : (
          <ol className="grid gap-4">
            {followUps.map((followUp, index) => (
              <li key={index} className="grid gap-2 rounded-lg border bg-muted/25 p-4">
                <SourcedPart source={sources?.[index]} passages={passages} part="follow-up">
                  <p className="flex gap-2.5 text-sm font-medium leading-6">
                    <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-foreground tabular-nums">
                      {index + 1}
                    </span>
                    <span className="min-w-0 pt-px">
                      <InlineTitle text={followUp.prompt} />
                    </span>
                  </p>
                </SourcedPart>
                {followUp.answer ? <Markdown className="pl-8.5">{followUp.answer}</Markdown> : null}
                {followUp.lookFor.length > 0 ? (
                  <div className="grid gap-1.5 pl-8.5">
                    <p className="text-xs font-medium text-muted-foreground uppercase tracking-wide">Look for</p>
                    <Bullets items={followUp.lookFor} marker="check" />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </Card>
  );
}

/** Beside the question: its rubric, an example score and the red flags. */
function QuestionAside({ question }: { question: BankQuestionDetail }) {
  return (
    <aside className="grid min-w-0 gap-6">
      <Card className="p-5">
        <Section title="Rubric" icon={ListChecks} count={question.rubric.length} testId="question-rubric">
          <ol className="grid gap-3">
            {question.rubric.map((criterion, index) => (
              <li key={index} className="grid gap-1.5 border-l-2 border-primary/40 pl-3">
                <SourcedPart source={question.partSources?.rubric[index]?.criterion} passages={question.passages} part="criterion">
                  <p className="text-sm font-medium leading-6">{criterion.title}</p>
                </SourcedPart>
                <p>
                  <CompetencyBadge competencies={question.document.competencies} competency={criterion.competency} />
                </p>
                {criterion.lookFor.length > 0 ? (
                  <Bullets
                    items={criterion.lookFor}
                    sourced={
                      question.partSources
                        ? { sources: question.partSources.rubric[index]?.lookFor ?? [], passages: question.passages, part: "look-for" }
                        : undefined
                    }
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </Section>
      </Card>

      {question.exampleScore ? (
        <Card className="p-5">
          <Section title="Example score" icon={Star} testId="question-example-score">
            <SourcedPart source={question.partSources?.exampleScore ?? undefined} passages={question.passages} part="example score">
              <p className="flex items-baseline gap-1">
                <span className="text-3xl font-semibold tracking-tight tabular-nums">{question.exampleScore.score}</span>
                <span className="text-sm text-muted-foreground">/ {question.exampleScore.outOf}</span>
              </p>
            </SourcedPart>
            {question.exampleScore.reasons.length > 0 ? <Bullets items={question.exampleScore.reasons} marker="check" /> : null}
          </Section>
        </Card>
      ) : null}

      {question.redFlags.length > 0 ? (
        <Card className="border-destructive/25 p-5">
          <Section title="Red flags" icon={AlertTriangle} count={question.redFlags.length} testId="question-red-flags">
            <Bullets
              items={question.redFlags}
              marker="warn"
              sourced={question.partSources ? { sources: question.partSources.redFlags, passages: question.passages, part: "red flag" } : undefined}
            />
          </Section>
        </Card>
      ) : null}
    </aside>
  );
}
