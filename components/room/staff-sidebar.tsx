"use client";

import { useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { NotesPanel } from "@/components/room/notes-panel";
import { AgreementView } from "@/components/room/scorecard/agreement-view";
import { FeedbackPanel } from "@/components/room/scorecard/feedback-panel";
import { QuestionScorecard } from "@/components/room/scorecard/question-scorecard";
import { SessionSummary } from "@/components/room/scorecard/session-summary";
import { useScorecard } from "@/components/room/scorecard/use-scorecard";
import { canManageFeedback, canScore, canWriteNotes, type ClientCommand, type StaffQuestionView, type StaffView } from "@/server/domain/room";

type ScorecardState = ReturnType<typeof useScorecard>;

type Tab = "notes" | "score" | "summary";

/**
 * Beside the question, and not scrolling away with it: the notes, the viewer's scorecard for the question
 * on screen, and the session summary, as tabs.
 */
export function StaffSidebar({
  view,
  current,
  nameOf,
  run,
}: {
  view: StaffView;
  current: StaffQuestionView | null;
  nameOf: (userId: string) => string;
  run: (command: ClientCommand) => Promise<boolean>;
}) {
  const role = view.role;
  const [tab, setTab] = useState<Tab>(view.status === "ended" && canScore(role) ? "score" : "notes");
  // Any asked question can be scored, not only the one on screen (after the end, nobody moves it).
  const [scoredId, setScoredId] = useState<string | null>(null);
  const asked = view.questions.filter((question) => question.asked);
  const scored = asked.find((question) => question.id === scoredId) ?? current;
  const scorecard = useScorecard(view.scoring.mine, run);
  const numberOf = (questionId: string | null) => {
    const index = view.questions.findIndex((question) => question.id === questionId);
    return index === -1 ? null : index + 1;
  };
  const notesAudience = role === "OBSERVER" ? "Only you can read these." : "Only you and the other interviewers can read these. Never shown to the candidate.";
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: "notes", label: "Notes" },
    ...(canScore(role)
      ? [
          { id: "score" as const, label: scored ? `Score Q${numberOf(scored.id)}` : "Score" },
          { id: "summary" as const, label: "Summary" },
        ]
      : []),
  ];

  return (
    <aside
      id="notes-and-scorecard"
      aria-label="Candidate, notes and scorecard"
      className="grid min-w-0 grid-cols-1 gap-5 lg:sticky lg:top-[8.5rem] lg:max-h-[calc(100dvh-9.5rem)] lg:grid-rows-[minmax(0,1fr)]"
    >
      <div className="flex min-h-0 flex-col rounded-xl border bg-card shadow-xs">
        <TabList tabs={tabs} selected={tab} onSelect={setTab} />
        <div role="tabpanel" id={`sidebar-panel-${tab}`} aria-labelledby={`sidebar-tab-${tab}`} className="min-h-0 flex-1 overflow-y-auto">
          {tab === "notes" ? (
            <NotesPanel
              notes={view.notes}
              questionNumber={numberOf}
              currentQuestionId={view.currentQuestionId}
              sessionStartedAt={view.clock.startedAt}
              sessionEndedAt={view.clock.endedAt}
              canWrite={canWriteNotes(role)}
              audience={notesAudience}
              authorName={nameOf}
              send={run}
            />
          ) : null}
          {tab === "score" && scored ? (
            <ScorePanel view={view} asked={asked} scored={scored} numberOf={numberOf} locked={scorecard.locked} send={scorecard.send} onPick={setScoredId} />
          ) : null}
          {tab === "summary" ? <SummaryPanel view={view} scorecard={scorecard} nameOf={nameOf} run={run} /> : null}
        </div>
      </div>
    </aside>
  );
}

function TabList({ tabs, selected, onSelect }: { tabs: Array<{ id: Tab; label: string }>; selected: Tab; onSelect: (tab: Tab) => void }) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    document.getElementById(`sidebar-tab-${next.id}`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Notes and scoring" onKeyDown={onKeyDown} className="flex gap-1 border-b px-2 pt-2">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`sidebar-tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls={`sidebar-panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          className={cn(
            "-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-[13px] font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
            tab.id === selected ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The viewer's scorecard for one asked question, with a way to pick another. */
function ScorePanel({
  view,
  asked,
  scored,
  numberOf,
  locked,
  send,
  onPick,
}: {
  view: StaffView;
  asked: StaffQuestionView[];
  scored: StaffQuestionView;
  numberOf: (questionId: string | null) => number | null;
  locked: boolean;
  send: ScorecardState["send"];
  onPick: (questionId: string) => void;
}) {
  return (
    <div className="p-4">
      {asked.length > 1 ? (
        <div role="group" aria-label="Question to score" className="mb-3 flex flex-wrap gap-1.5">
          {asked.map((question) => (
            <button
              key={question.id}
              type="button"
              aria-pressed={question.id === scored.id}
              onClick={() => onPick(question.id)}
              className={cn(
                "rounded-full border px-2.5 py-0.5 text-xs font-medium focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                question.id === scored.id ? "border-primary bg-primary-soft text-primary-soft-foreground" : "hover:bg-accent/60",
              )}
            >
              Q{numberOf(question.id)}
            </button>
          ))}
        </div>
      ) : null}
      {locked ? <p className="mb-3 text-xs text-muted-foreground">Submitted: amend from the Summary tab to change it.</p> : null}
      <QuestionScorecard
        key={scored.id}
        question={scored}
        number={numberOf(scored.id) ?? 0}
        card={view.scoring.mine}
        notes={view.notes.filter((note) => note.mine)}
        sessionStartedAt={view.clock.startedAt}
        disabled={locked}
        send={send}
      />
    </div>
  );
}

/** The viewer's summary, the other scorers' cards once blind scoring allows, and the candidate's feedback. */
function SummaryPanel({
  view,
  scorecard,
  nameOf,
  run,
}: {
  view: StaffView;
  scorecard: ScorecardState;
  nameOf: (userId: string) => string;
  run: (command: ClientCommand) => Promise<boolean>;
}) {
  const role = view.role;
  const others = view.scoring.others;
  return (
    <div className="grid gap-5 p-4">
      <SessionSummary view={view} scorecard={scorecard} run={run} />
      {others === null ? (
        <p className="text-xs text-muted-foreground" data-testid="blind-note">
          {view.scoring.submitted.length > 0 ? `${view.scoring.submitted.length} scorer(s) have submitted. ` : ""}
          Other scorers&rsquo; cards appear here once you submit yours.
        </p>
      ) : others.length > 0 && view.scoring.mine ? (
        <AgreementView questions={view.questions} cards={[view.scoring.mine, ...others]} weights={view.scoring.weights} nameOf={nameOf} />
      ) : (
        <p className="text-xs text-muted-foreground">No other scorer has submitted yet.</p>
      )}
      {canManageFeedback(role) ? <FeedbackPanel view={view} run={run} /> : null}
    </div>
  );
}
