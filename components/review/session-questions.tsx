import { CheckSquare, Square } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/ui/markdown";
import { formatDuration, offsetInInterview } from "@/server/domain/format-duration";
import type { CandidateQuestionView, NoteView, RoomView, StaffQuestionView, StaffView } from "@/server/domain/room/view-for";
import type { Scratchpad } from "@/server/domain/room/room-state";
import { InlineTitle } from "@/components/ui/inline-title";
import { RunsList } from "@/components/pad/pad-runs";
import { BoardDrawing } from "@/components/review/board-drawing";

/** Members' names by user id, as a plain object a client component can be given. */
function namesOf(view: RoomView): Record<string, string> {
  return Object.fromEntries(view.participants.map((participant) => [participant.userId, participant.name]));
}

/** "12:04" into the interview, or "before the start". */
export function offsetLabel(instant: string, startedAt: string | null): string {
  return offsetInInterview(instant, startedAt) ?? "before the start";
}

function TimeSpent({ ms, timeBoxSec }: { ms: number; timeBoxSec: number | null }) {
  const over = timeBoxSec !== null && ms > timeBoxSec * 1000;
  return (
    <span className="text-[13px] text-muted-foreground">
      Time on this question: <span className={over ? "font-medium text-destructive" : "font-medium text-foreground"}>{formatDuration(ms)}</span>
      {timeBoxSec !== null ? ` of ${formatDuration(timeBoxSec * 1000)}` : ""}
    </span>
  );
}

function ScratchpadText({ pad }: { pad: Scratchpad | null }) {
  if (!pad || pad.text.trim() === "") return null;
  return (
    <div className="grid gap-1.5">
      <h4 className="text-[13px] font-semibold">Scratchpad{pad.language === "plain" ? "" : ` (${pad.language})`}</h4>
      <pre className="max-h-96 overflow-auto rounded-md border bg-muted p-3 font-mono text-xs leading-5 whitespace-pre-wrap print:max-h-none">{pad.text}</pre>
    </div>
  );
}

function NotesList({ view, notes }: { view: StaffView; notes: NoteView[] }) {
  const name = (userId: string) => view.participants.find((participant) => participant.userId === userId)?.name ?? "A former member";
  return (
    <ul className="grid gap-1.5">
      {notes.map((note) => {
        const afterEnd = view.clock.endedAt !== null && note.createdAt > view.clock.endedAt;
        return (
          <li key={note.id} className="min-w-0 rounded-md border bg-card px-3 py-2 text-sm break-inside-avoid" data-testid="review-note">
            <span className="mr-2 font-mono text-xs text-muted-foreground">{offsetLabel(note.createdAt, view.clock.startedAt)}</span>
            <span className="mr-2 text-xs font-medium">{note.mine ? "You" : name(note.authorId)}</span>
            {afterEnd ? (
              <Badge variant="outline" className="mr-2">
                After the interview
              </Badge>
            ) : null}
            <span className="whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="review-note-body">
              {note.body}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function StaffQuestion({ view, question }: { view: StaffView; question: StaffQuestionView }) {
  const notes = view.notes.filter((note) => note.questionId === question.id);
  const revealed = question.followUps.filter((followUp) => followUp.revealedAt !== null).sort((a, b) => a.revealedAt!.localeCompare(b.revealedAt!));
  const hidden = question.followUps.filter((followUp) => followUp.revealedAt === null);
  return (
    <li className="grid gap-4 rounded-xl border bg-card p-5 shadow-xs" data-testid="review-question">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-[15px] font-semibold">Question {question.position + 1}</h3>
        {question.asked ? <TimeSpent ms={question.timer.accumulatedMs} timeBoxSec={question.timer.timeBoxSec} /> : <Badge>Not asked</Badge>}
      </div>
      <div className="text-sm">
        <Markdown>{question.prompt}</Markdown>
      </div>
      {question.asked ? (
        <>
          {question.followUps.length > 0 ? (
            <div className="grid gap-1.5">
              <h4 className="text-[13px] font-semibold">
                Follow-ups: {revealed.length} of {question.followUps.length} revealed
              </h4>
              <ul className="grid gap-1 text-sm">
                {revealed.map((followUp) => (
                  <li key={followUp.id}>
                    <span className="mr-2 font-mono text-xs text-muted-foreground">{offsetLabel(followUp.revealedAt!, view.clock.startedAt)}</span>
                    <InlineTitle text={followUp.prompt} />
                  </li>
                ))}
              </ul>
              {hidden.length > 0 ? (
                <details className="text-sm text-muted-foreground">
                  <summary className="cursor-pointer text-[13px]">{hidden.length} not revealed</summary>
                  <ul className="mt-1 grid gap-1 pl-4">
                    {hidden.map((followUp) => (
                      <li key={followUp.id}>
                        <InlineTitle text={followUp.prompt} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          ) : null}
          {question.keyPoints.length > 0 ? (
            <div className="grid gap-1.5">
              <h4 className="text-[13px] font-semibold">
                Key points covered: {question.keyPoints.filter((point) => point.checked).length} of {question.keyPoints.length}
              </h4>
              <ul className="grid gap-1 text-sm">
                {question.keyPoints.map((point) => (
                  <li key={point.index} className="flex items-start gap-2">
                    {point.checked ? (
                      <CheckSquare aria-label="Covered" className="mt-0.5 size-4 shrink-0 text-success" />
                    ) : (
                      <Square aria-label="Not covered" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                    )}
                    <span className={point.checked ? "" : "text-muted-foreground"}>{point.text}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ScratchpadText pad={question.scratchpad} />
          <BoardDrawing board={question.board} title="Whiteboard" download={`question-${question.position + 1}-whiteboard.svg`} />
          <RunsList runs={question.runs} names={namesOf(view)} />
          {notes.length > 0 ? (
            <div className="grid gap-1.5">
              <h4 className="text-[13px] font-semibold">Notes</h4>
              <NotesList view={view} notes={notes} />
            </div>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function CandidateQuestion({
  question,
  number,
  startedAt,
  names,
}: {
  question: CandidateQuestionView;
  number: number;
  startedAt: string | null;
  names: Readonly<Record<string, string>>;
}) {
  return (
    <li className="grid gap-4 rounded-xl border bg-card p-5 shadow-xs" data-testid="review-question">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-[15px] font-semibold">Question {number}</h3>
        <TimeSpent ms={question.timer.accumulatedMs} timeBoxSec={question.timer.timeBoxSec} />
      </div>
      <div className="text-sm">
        <Markdown>{question.prompt}</Markdown>
      </div>
      {question.followUps.length > 0 ? (
        <div className="grid gap-1.5">
          <h4 className="text-[13px] font-semibold">Follow-ups</h4>
          <ul className="grid gap-1 text-sm">
            {question.followUps.map((followUp) => (
              <li key={followUp.id}>
                <span className="mr-2 font-mono text-xs text-muted-foreground">{offsetLabel(followUp.revealedAt, startedAt)}</span>
                <InlineTitle text={followUp.prompt} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ScratchpadText pad={question.scratchpad} />
      <BoardDrawing board={question.board} title="Whiteboard" download={`question-${number}-whiteboard.svg`} />
      <RunsList runs={question.runs} names={names} />
    </li>
  );
}

/** The questions as asked, from the session's own snapshot: a later bank edit changes none of this. */
export function SessionQuestions({ view }: { view: RoomView }) {
  if (view.role === "CANDIDATE") {
    const names = namesOf(view);
    const asked = [...view.earlier, ...(view.current ? [view.current] : [])].sort((a, b) => a.position - b.position);
    if (asked.length === 0) return <p className="text-sm text-muted-foreground">No question was asked.</p>;
    return (
      <ol className="grid gap-4">
        {asked.map((question, index) => (
          <CandidateQuestion key={question.id} question={question} number={index + 1} startedAt={view.clock.startedAt} names={names} />
        ))}
      </ol>
    );
  }
  const outside = view.notes.filter((note) => note.questionId === null);
  return (
    <div className="grid gap-4">
      <ol className="grid gap-4">
        {view.questions.map((question) => (
          <StaffQuestion key={question.id} view={view} question={question} />
        ))}
      </ol>
      {outside.length > 0 ? (
        <section aria-labelledby="outside-notes" className="grid gap-2">
          <h3 id="outside-notes" className="text-[15px] font-semibold">
            Notes outside a question
          </h3>
          <NotesList view={view} notes={outside} />
        </section>
      ) : null}
    </div>
  );
}
