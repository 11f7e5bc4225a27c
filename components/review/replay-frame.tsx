import { runSummary } from "@/server/domain/code/run-summary";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/server/domain/format-duration";
import { ROLE_LABELS, questionElapsedMs } from "@/server/domain/room/room-state";
import type { CandidateQuestionView, RoomView, StaffQuestionView } from "@/server/domain/room/view-for";
import { InlineTitle } from "@/components/ui/inline-title";
import { BoardDrawing } from "@/components/review/board-drawing";
import { frameQuestion } from "@/server/domain/review/replay";

const presenceDot = { connected: "bg-success", away: "bg-amber-500", disconnected: "bg-muted-foreground/40" } as const;

function Clock({ question, at }: { question: StaffQuestionView | CandidateQuestionView; at: string }) {
  const elapsed = questionElapsedMs(question.timer, new Date(at));
  const box = question.timer.timeBoxSec;
  return (
    <span className="font-mono text-xs text-muted-foreground" data-testid="replay-question-clock">
      {formatDuration(elapsed)}
      {box !== null ? ` / ${formatDuration(box * 1000)}` : ""}
    </span>
  );
}

/** The room at one moment of the replay, as the chosen perspective saw it then. */
export function ReplayFrame({ frame, at }: { frame: RoomView; at: string }) {
  const status = { lobby: "Lobby", live: "Live", ended: "Ended" }[frame.status];
  const current = frameQuestion(frame);
  return (
    <div className="grid gap-4" data-testid="replay-frame">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={frame.status === "live" ? "success" : "neutral"}>{status}</Badge>
        <ul className="flex flex-wrap gap-3 text-[13px]" aria-label="People at this moment">
          {frame.participants.map((participant) => (
            <li key={participant.userId} className="flex items-center gap-1.5">
              <span aria-hidden className={`size-2 rounded-full ${presenceDot[participant.presence]}`} />
              {participant.name}
              <span className="text-muted-foreground">
                ({ROLE_LABELS[participant.role]}, {participant.presence})
              </span>
            </li>
          ))}
        </ul>
      </div>
      {current ? (
        <section className="grid gap-3 rounded-lg border p-4" aria-label="Current question">
          <div className="flex items-baseline justify-between gap-2">
            <h4 className="text-[13px] font-semibold">Question {current.position + 1}</h4>
            <Clock question={current} at={at} />
          </div>
          <p className="text-sm whitespace-pre-wrap" data-testid="replay-prompt">
            <InlineTitle text={current.prompt} />
          </p>
          {"asked" in current ? <StaffQuestionDetail question={current} /> : <CandidateFollowUps question={current} />}
          {current.scratchpad && current.scratchpad.text ? (
            <pre
              className="max-h-64 overflow-auto rounded-md border bg-muted p-3 font-mono text-xs leading-5 whitespace-pre-wrap"
              data-testid="replay-scratchpad"
            >
              {current.scratchpad.text}
            </pre>
          ) : null}
          <BoardDrawing board={current.board} title="Whiteboard at this moment" />
          {current.runs.length > 0 ? (
            <p className="text-[13px]" data-testid="replay-run">
              Last run: {runSummary(current.runs.at(-1)!)} ({current.runs.length} so far)
            </p>
          ) : null}
        </section>
      ) : (
        <p className="text-sm text-muted-foreground">{frame.status === "lobby" ? "The interview has not started yet." : "No question is shown."}</p>
      )}
      {frame.role !== "CANDIDATE" && frame.notes.length > 0 ? (
        <section aria-label="Notes so far" className="grid gap-1.5">
          <h4 className="text-[13px] font-semibold">Notes so far</h4>
          <ul className="grid gap-1 text-sm">
            {frame.notes.map((note) => (
              <li key={note.id} className="min-w-0 rounded-md border px-3 py-1.5 whitespace-pre-wrap [overflow-wrap:anywhere]">
                {note.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {frame.role === "CANDIDATE" && frame.feedback ? (
        <section aria-label="Feedback" className="grid gap-1.5">
          <h4 className="text-[13px] font-semibold">Feedback released</h4>
          <p className="text-sm whitespace-pre-wrap">{frame.feedback.text}</p>
        </section>
      ) : null}
    </div>
  );
}

function StaffQuestionDetail({ question }: { question: StaffQuestionView }) {
  const revealed = question.followUps.filter((followUp) => followUp.revealedAt !== null);
  const ticked = question.keyPoints.filter((point) => point.checked);
  return (
    <>
      <div className="text-[13px]">
        <span className="font-medium">Follow-ups revealed: </span>
        {revealed.length === 0 ? (
          <span className="text-muted-foreground">none yet</span>
        ) : (
          revealed.map((followUp, index) => (
            <Fragment key={followUp.id}>
              {index > 0 ? " · " : null}
              <InlineTitle text={followUp.prompt} />
            </Fragment>
          ))
        )}
      </div>
      {question.keyPoints.length > 0 ? (
        <div className="text-[13px]">
          <span className="font-medium">
            Key points ticked ({ticked.length} of {question.keyPoints.length}):{" "}
          </span>
          {ticked.map((point) => point.text).join(" · ") || <span className="text-muted-foreground">none yet</span>}
        </div>
      ) : null}
    </>
  );
}

function CandidateFollowUps({ question }: { question: CandidateQuestionView }) {
  if (question.followUps.length === 0) return null;
  return (
    <ul className="grid gap-1 border-l-2 pl-3 text-sm">
      {question.followUps.map((followUp) => (
        <li key={followUp.id}>
          <InlineTitle text={followUp.prompt} />
        </li>
      ))}
    </ul>
  );
}
