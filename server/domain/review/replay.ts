import { apply } from "../room/apply";
import type { RoomEvent, RoomEventType } from "../room/events";
import { eventForViewer, type ViewEvent } from "../room/event-for-viewer";
import { foldView } from "../room/fold-view";
import { canSeeReleasedFeedback, isStaff, type Actor } from "../room/policy";
import type { RoomState } from "../room/room-state";
import { viewFor, type CandidateQuestionView, type RoomView, type StaffQuestionView } from "../room/view-for";

/** An event as the log holds it: its sequence number and the instant it was appended. */
export interface LoggedEvent {
  seq: number;
  at: string;
  event: RoomEvent;
}

/** Whose eyes the replay shows the room through: the viewer's own, or (for staff) the candidate's. */
export type Perspective = "own" | "candidate";

export interface ReplayStep {
  seq: number;
  at: string;
  /** Time since the interview started; negative in the lobby, null when it never started. */
  offsetMs: number | null;
  type: RoomEventType;
  /** The event as the live room sent it to this perspective. */
  event: ViewEvent;
}

export interface Replay {
  perspective: Perspective;
  startedAt: string | null;
  endedAt: string | null;
  /** The room before its first event, as this perspective is shown it. */
  initial: RoomView;
  /** Only the events this perspective was shown; the others never reach the client. */
  steps: ReplayStep[];
}

/**
 * The session as `viewer` may replay it, computed by the functions that ran it live: the log folded with
 * `apply`, each event projected by `eventForViewer` with the state right after it, as it was published.
 * A client gets frame N by folding the first N steps into `initial` (`replayFrames`); the rule, checked by
 * replay.test.ts, is that frame N equals the live view after step N.
 *
 * The candidate's perspective is for staff to see what the candidate saw. Released feedback in it follows
 * the viewer's own right to it (the blind rule), judged on the room as it is now.
 */
export function replayFor(empty: RoomState, log: readonly LoggedEvent[], viewer: Actor, perspective: Perspective): Replay {
  const eyes = perspectiveActor(empty, log, viewer, perspective);
  let state = empty;
  const projected: Array<{ logged: LoggedEvent; event: ViewEvent }> = [];
  for (const logged of log) {
    state = apply(state, logged.event);
    const event = eventForViewer(logged.event, state, eyes);
    if (event) projected.push({ logged, event });
  }
  const hideFeedback = eyes !== viewer && !canSeeReleasedFeedback(viewer, state);
  const startedAt = state.startedAt;
  return {
    perspective,
    startedAt,
    endedAt: state.endedAt,
    initial: viewFor(empty, eyes),
    steps: projected
      .filter(({ event }) => !(hideFeedback && event.type === "feedbackUpdated"))
      .map(({ logged, event }) => ({ seq: logged.seq, at: logged.at, offsetMs: offsetFrom(startedAt, logged.at), type: logged.event.type, event })),
  };
}

/** Every frame of a replay: frame 0 is the room before any event, frame N the room after step N. */
export function replayFrames(replay: Pick<Replay, "initial" | "steps">): RoomView[] {
  const frames = [replay.initial];
  for (const step of replay.steps) frames.push(foldView(frames.at(-1)!, step.event));
  return frames;
}

/**
 * The question a frame shows as current, as its perspective saw it: for staff the room's current question
 * once the interview started, for the candidate the one asked of them now. Its scratchpad, runs and
 * whiteboard are the replay's at that moment.
 */
export function frameQuestion(frame: RoomView): StaffQuestionView | CandidateQuestionView | null {
  if (frame.role === "CANDIDATE") return frame.current;
  if (frame.status === "lobby") return null;
  return frame.questions.find((question) => question.id === frame.currentQuestionId) ?? null;
}

function perspectiveActor(empty: RoomState, log: readonly LoggedEvent[], viewer: Actor, perspective: Perspective): Actor {
  if (perspective === "own" || !isStaff(viewer.role)) return viewer;
  // The candidate's view depends on their role only; their id, when they joined, labels it.
  const joined = log.find(({ event }) => event.type === "participantJoined" && event.payload.role === "CANDIDATE");
  const userId = joined?.event.type === "participantJoined" ? joined.event.payload.userId : `${empty.sessionId}:candidate`;
  return { userId, role: "CANDIDATE" };
}

function offsetFrom(startedAt: string | null, at: string): number | null {
  return startedAt ? Date.parse(at) - Date.parse(startedAt) : null;
}
