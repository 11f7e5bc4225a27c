import { foldCall } from "./call";
import type { CandidateViewEvent, StaffViewEvent, ViewEvent } from "./event-for-viewer";
import type { Scratchpad, ScratchpadLanguage } from "./room-state";
import { applyPadUpdates, checkpointed, initialPad } from "./scratchpad";
import { unreachable } from "./unreachable";
import type { CandidateQuestionView, CandidateView, CodeView, ParticipantView, RoomView, StaffQuestionView, StaffView, TimerView } from "./view-for";
import type { TestCase } from "../code/code-spec";
import { mergeBoard } from "../board/board";

/**
 * Folds one projected event (what `eventForViewer` sent this viewer) into the viewer's view (what
 * `viewFor` built). Shared by the server's tests and the browser: a live message carries only the change,
 * and every client folds it the same way. The rule it keeps, checked by fold-view.test.ts for every role
 * and every event: `foldView(viewFor(state, v), eventForViewer(e, state, v))` equals
 * `viewFor(apply(state, e), v)`. Elapsed times are left to the client's clock (`elapsedMs: null`).
 */
export function foldView(view: RoomView, event: ViewEvent): RoomView {
  const asOfNull = { ...view, asOf: null };
  if (asOfNull.role === "CANDIDATE") return foldCandidate(asOfNull, event as CandidateViewEvent);
  return foldStaff(asOfNull, event as StaffViewEvent);
}

/** The events about who is in the room, which every role folds the same way. */
type MembershipEvent = Extract<ViewEvent, { type: "participantJoined" | "participantRemoved" | "presenceChanged" }>;

function foldParticipants(participants: ParticipantView[], event: MembershipEvent): ParticipantView[] {
  switch (event.type) {
    case "participantJoined": {
      const { userId, role, name } = event.payload;
      const known = participants.find((participant) => participant.userId === userId);
      if (known) return participants.map((participant) => (participant === known ? { ...known, role, name } : participant));
      return [...participants, { userId, role, name, presence: "disconnected", presenceSince: null }];
    }
    case "participantRemoved":
      return participants.filter((participant) => participant.userId !== event.payload.userId);
    case "presenceChanged": {
      const { userId, status, at } = event.payload;
      return participants.map((participant) => (participant.userId === userId ? { ...participant, presence: status, presenceSince: at } : participant));
    }
  }
  return unreachable(event);
}

/** As `apply` counts it: the checkpoint's own revision, or one past the last for events logged without one. */

function timer(previous: TimerView, startedAt: string | null, accumulatedMs: number): TimerView {
  return { startedAt, accumulatedMs, timeBoxSec: previous.timeBoxSec, elapsedMs: null };
}

function mapQuestion(view: StaffView, questionId: string, change: (question: StaffQuestionView) => StaffQuestionView): StaffView {
  return { ...view, questions: view.questions.map((question) => (question.id === questionId ? change(question) : question)) };
}

function foldStaff(view: StaffView, event: StaffViewEvent): StaffView {
  switch (event.type) {
    case "participantJoined":
    case "participantRemoved":
    case "presenceChanged":
      return { ...view, participants: foldParticipants(view.participants, event) };
    case "callJoined":
    case "callLeft":
    case "callMediaChanged":
    case "callPolicyChanged":
      return { ...view, call: foldCall(view.call, event) };
    case "interviewStarted": {
      const { startedAt, questionId } = event.payload;
      const index = view.questions.findIndex((question) => question.id === questionId);
      if (index === -1) return view;
      const started = mapQuestion(view, questionId, (question) => ({ ...question, asked: true, timer: timer(question.timer, startedAt, 0) }));
      return { ...started, status: "live", clock: { ...view.clock, startedAt, elapsedMs: null }, currentIndex: index, currentQuestionId: questionId };
    }
    case "questionChanged": {
      const { at, fromQuestionId, fromAccumulatedMs, toQuestionId, toAccumulatedMs } = event.payload;
      const index = view.questions.findIndex((question) => question.id === toQuestionId);
      if (index === -1) return view;
      const left = mapQuestion(view, fromQuestionId, (question) => ({ ...question, timer: timer(question.timer, null, fromAccumulatedMs) }));
      const shown = mapQuestion(left, toQuestionId, (question) => ({ ...question, asked: true, timer: timer(question.timer, at, toAccumulatedMs) }));
      return { ...shown, currentIndex: index, currentQuestionId: toQuestionId };
    }
    case "followUpRevealed": {
      const { questionId, followUpId, revealedAt } = event.payload;
      return mapQuestion(view, questionId, (question) => ({
        ...question,
        followUps: question.followUps.map((followUp) => (followUp.id === followUpId && followUp.revealedAt === null ? { ...followUp, revealedAt } : followUp)),
      }));
    }
    case "keyPointChecked": {
      const { questionId, index, checked } = event.payload;
      return mapQuestion(view, questionId, (question) => ({
        ...question,
        keyPoints: question.keyPoints.map((keyPoint) => (keyPoint.index === index ? { ...keyPoint, checked } : keyPoint)),
      }));
    }
    case "noteAdded": {
      const { noteId, authorId, questionId, body, createdAt } = event.payload;
      if (view.notes.some((note) => note.id === noteId)) return view;
      const note = { id: noteId, authorId, questionId, body, createdAt, updatedAt: createdAt, mine: authorId === view.viewer.userId };
      return { ...view, notes: [...view.notes, note] };
    }
    case "noteEdited": {
      const { noteId, body, updatedAt } = event.payload;
      return { ...view, notes: view.notes.map((note) => (note.id === noteId ? { ...note, body, updatedAt } : note)) };
    }
    case "noteDeleted":
      return { ...view, notes: view.notes.filter((note) => note.id !== event.payload.noteId) };
    case "scoringUpdated":
      return { ...view, scoring: event.payload };
    case "scratchpadUpdated": {
      return mapQuestion(view, event.payload.questionId, (question) => ({ ...question, scratchpad: checkpointed(question.scratchpad, event.payload) }));
    }
    case "testCaseAdded":
      return mapQuestion(view, event.payload.questionId, (question) => withTest(question, event.payload.test));
    case "codeRan":
      return mapQuestion(view, event.payload.questionId, (question) => ({ ...question, runs: [...question.runs, event.payload] }));
    case "boardChanged":
      return mapQuestion(view, event.payload.questionId, (question) => ({ ...question, board: mergeBoard(question.board, event.payload.elements).board }));
    case "interviewEnded": {
      const { endedAt, questionId, accumulatedMs } = event.payload;
      // Out of the lobby, the question at `currentIndex` counts as current, even if it was never shown.
      const currentQuestionId = view.questions[view.currentIndex]?.id ?? null;
      const ended = { ...view, status: "ended" as const, clock: { ...view.clock, endedAt, elapsedMs: null }, currentQuestionId };
      if (questionId === null || accumulatedMs === null) return ended;
      return mapQuestion(ended, questionId, (question) => ({ ...question, timer: timer(question.timer, null, accumulatedMs) }));
    }
  }
  return unreachable(event, view);
}

/** The asked questions, current and earlier, changed by `change` where the id matches. */
function mapAsked(view: CandidateView, questionId: string, change: (question: CandidateQuestionView) => CandidateQuestionView): CandidateView {
  return {
    ...view,
    current: view.current?.id === questionId ? change(view.current) : view.current,
    earlier: view.earlier.map((question) => (question.id === questionId ? change(question) : question)),
  };
}

function withTest<Q extends { code: CodeView }>(question: Q, test: TestCase): Q {
  return { ...question, code: { ...question.code, tests: [...question.code.tests, test] } };
}

function byPosition(a: CandidateQuestionView, b: CandidateQuestionView): number {
  return a.position - b.position;
}

function foldCandidate(view: CandidateView, event: CandidateViewEvent): CandidateView {
  switch (event.type) {
    case "participantJoined":
    case "participantRemoved":
    case "presenceChanged":
      return { ...view, participants: foldParticipants(view.participants, event) };
    case "callJoined":
    case "callLeft":
    case "callMediaChanged":
    case "callPolicyChanged":
      return { ...view, call: foldCall(view.call, event) };
    case "interviewStarted": {
      const { startedAt, question } = event.payload;
      const current = {
        id: question.id,
        position: question.position,
        prompt: question.prompt,
        timer: { startedAt, accumulatedMs: 0, timeBoxSec: question.timeBoxSec, elapsedMs: null },
        followUps: [],
        scratchpad: null,
        code: question.code,
        runs: [],
        board: question.board,
      };
      return { ...view, status: "live", clock: { ...view.clock, startedAt, elapsedMs: null }, current };
    }
    case "questionChanged": {
      const { at, from, to } = event.payload;
      const asked = [...view.earlier, ...(view.current ? [view.current] : [])].map((question) =>
        question.id === from.questionId ? { ...question, timer: timer(question.timer, null, from.accumulatedMs) } : question,
      );
      const again = asked.find((question) => question.id === to.question.id);
      const intro = to.question;
      const current = again
        ? { ...again, timer: timer(again.timer, at, to.accumulatedMs) }
        : {
            id: intro.id,
            position: intro.position,
            prompt: intro.prompt,
            timer: { startedAt: at, accumulatedMs: to.accumulatedMs, timeBoxSec: intro.timeBoxSec, elapsedMs: null },
            followUps: [],
            scratchpad: null,
            code: intro.code,
            runs: [],
            board: intro.board,
          };
      return { ...view, current, earlier: asked.filter((question) => question.id !== current.id).sort(byPosition) };
    }
    case "followUpRevealed": {
      const { questionId, followUpId, prompt, revealedAt } = event.payload;
      return mapAsked(view, questionId, (question) =>
        question.followUps.some((followUp) => followUp.id === followUpId)
          ? question
          : { ...question, followUps: [...question.followUps, { id: followUpId, prompt, revealedAt }] },
      );
    }
    case "scratchpadUpdated": {
      return mapAsked(view, event.payload.questionId, (question) => ({ ...question, scratchpad: checkpointed(question.scratchpad, event.payload) }));
    }
    case "testCaseAdded":
      return mapAsked(view, event.payload.questionId, (question) => withTest(question, event.payload.test));
    case "codeRan":
      return mapAsked(view, event.payload.questionId, (question) => ({ ...question, runs: [...question.runs, event.payload] }));
    case "boardChanged":
      return mapAsked(view, event.payload.questionId, (question) => ({ ...question, board: mergeBoard(question.board, event.payload.elements).board }));
    case "interviewEnded": {
      const { endedAt, questionId, accumulatedMs } = event.payload;
      const ended = { ...view, status: "ended" as const, clock: { ...view.clock, endedAt, elapsedMs: null } };
      if (questionId === null || accumulatedMs === null) return ended;
      return mapAsked(ended, questionId, (question) => ({ ...question, timer: timer(question.timer, null, accumulatedMs) }));
    }
    case "feedbackUpdated":
      return { ...view, feedback: event.payload };
  }
  return unreachable(event, view);
}

/**
 * Folds accepted pad updates (relayed, not logged events) into the view: they follow the revision just
 * before the first of them. Null when the view holds another revision or the question is not in it;
 * the client then catches up (rejoins).
 */
export function foldScratchpadEdit(
  view: RoomView,
  edit: { questionId: string; revision: number; updates: ReadonlyArray<{ changes: unknown }>; updatedAt: string; language: ScratchpadLanguage },
): RoomView | null {
  const question = questionIn(view, edit.questionId);
  if (!question) return null;
  const shown = question.scratchpad;
  if ((shown?.revision ?? 0) !== edit.revision - edit.updates.length) return null;
  // A pad nobody typed in yet is the question's starter code, as the server and every editor start it.
  const text = applyPadUpdates(shown?.text ?? initialPad(question.code).text, edit.updates);
  if (text === null) return null;
  return withScratchpad(view, edit.questionId, { text, updatedAt: edit.updatedAt, revision: edit.revision, language: edit.language });
}

function withScratchpad(view: RoomView, questionId: string, scratchpad: Scratchpad | null): RoomView {
  if (view.role === "CANDIDATE") return mapAsked(view, questionId, (asked) => ({ ...asked, scratchpad }));
  return mapQuestion(view, questionId, (asked) => ({ ...asked, scratchpad }));
}

/**
 * A rejoining client's catch-up: the events it missed, in order, then the scratchpads as the room has
 * them now (`scratchpadsFor`), since live edits are not in the event log. The rule it keeps, checked by
 * fold-view.test.ts: a view at any point, caught up with what followed, equals a fresh view.
 */
export function catchUp(view: RoomView, events: ViewEvent[], scratchpads: Record<string, Scratchpad | null>): RoomView {
  let caughtUp = events.reduce((folded, event) => foldView(folded, event), view);
  for (const [questionId, scratchpad] of Object.entries(scratchpads)) caughtUp = withScratchpad(caughtUp, questionId, scratchpad);
  return caughtUp;
}

/** The scratchpad a view shows for a question: null when nothing is written yet, undefined when the view has no such question. */
export function scratchpadIn(view: RoomView, questionId: string): Scratchpad | null | undefined {
  return questionIn(view, questionId)?.scratchpad;
}

function questionIn(view: RoomView, questionId: string): CandidateQuestionView | StaffQuestionView | undefined {
  const questions: ReadonlyArray<CandidateQuestionView | StaffQuestionView | null> =
    view.role === "CANDIDATE" ? [view.current, ...view.earlier] : view.questions;
  return questions.find((candidate) => candidate?.id === questionId) ?? undefined;
}

export type EventArrival = "fold" | "duplicate" | "out-of-order";

/**
 * What a client does with a live `room:event`, given the seq its last join answered at, the highest seq
 * it has folded since, and those it has folded: at or below the join, or folded already, it is a
 * duplicate; below the highest folded it arrived out of order (two nodes published at once) and the
 * client rejoins, since a fold needs order; otherwise it is folded. Seqs may skip: a member is not sent
 * what they may not see.
 */
export function eventArrival(seq: number, client: { joinedSeq: number; latestSeq: number; folded: ReadonlySet<number> }): EventArrival {
  if (seq <= client.joinedSeq || client.folded.has(seq)) return "duplicate";
  return seq < client.latestSeq ? "out-of-order" : "fold";
}
