import type { ViewEvent } from "../room/event-for-viewer";
import { ROLE_LABELS, type CallMedia } from "../room/room-state";
import { unreachable } from "../room/unreachable";
import { runSummary } from "../code/run-summary";
import type { RoomView } from "../room/view-for";

export type TimelineKind = "room" | "question" | "followUp" | "keyPoint" | "note" | "scratchpad" | "board" | "run" | "scoring" | "presence" | "call";

export interface TimelineEntry {
  kind: TimelineKind;
  text: string;
}

/**
 * One line of the timeline for a replayed step, as its viewer was shown it. `before` is the frame the step
 * was folded into, for names and question numbers; nothing else is read, so a line can hold no more than
 * the viewer's own view did.
 */
export function describeStep(event: ViewEvent, before: RoomView): TimelineEntry {
  const name = (userId: string) => before.participants.find((participant) => participant.userId === userId)?.name ?? "Someone";
  switch (event.type) {
    case "participantJoined":
      return { kind: "room", text: `${event.payload.name} joined as ${ROLE_LABELS[event.payload.role].toLowerCase()}` };
    case "participantRemoved":
      return { kind: "room", text: `${name(event.payload.userId)} was removed` };
    case "presenceChanged":
      return {
        kind: "presence",
        text: `${name(event.payload.userId)} ${{ connected: "connected", away: "is away", disconnected: "disconnected" }[event.payload.status]}`,
      };
    case "interviewStarted": {
      const to = "question" in event.payload ? event.payload.question : { id: event.payload.questionId, position: undefined };
      return { kind: "question", text: `Interview started on ${questionLabel(before, to.id, to.position)}` };
    }
    case "questionChanged": {
      const to = "to" in event.payload ? event.payload.to.question : { id: event.payload.toQuestionId, position: undefined };
      return { kind: "question", text: `Moved to ${questionLabel(before, to.id, to.position)}` };
    }
    case "followUpRevealed":
      return { kind: "followUp", text: `Follow-up revealed: ${followUpPrompt(before, event.payload)}` };
    case "keyPointChecked":
      return {
        kind: "keyPoint",
        text: `Key point ${event.payload.checked ? "ticked" : "unticked"}: ${keyPointText(before, event.payload.questionId, event.payload.index)}`,
      };
    case "noteAdded":
      return { kind: "note", text: `${name(event.payload.authorId)} noted: ${clip(event.payload.body)}` };
    case "noteEdited":
      return { kind: "note", text: `${name(event.payload.authorId)} edited a note: ${clip(event.payload.body)}` };
    case "noteDeleted":
      return { kind: "note", text: `${name(event.payload.authorId)} deleted a note` };
    case "scratchpadUpdated":
      return { kind: "scratchpad", text: `Scratchpad saved (${questionLabel(before, event.payload.questionId)}, ${event.payload.text.length} characters)` };
    case "testCaseAdded":
      return { kind: "run", text: `Test case added (${questionLabel(before, event.payload.questionId)}): ${clip(event.payload.test.name)}` };
    case "boardChanged":
      return { kind: "board", text: `${name(event.payload.by)} drew on the whiteboard (${questionLabel(before, event.payload.questionId)})` };
    case "codeRan":
      return { kind: "run", text: `${name(event.payload.by)} ran the code (${questionLabel(before, event.payload.questionId)}): ${runSummary(event.payload)}` };
    case "scoringUpdated":
      return { kind: "scoring", text: "Scorecards or feedback updated" };
    case "feedbackUpdated":
      return { kind: "scoring", text: event.payload.selfAssessment ? "Self-assessment finished" : "Feedback released" };
    case "interviewEnded":
      return { kind: "room", text: "Interview ended" };
    case "callJoined":
      return { kind: "call", text: `${name(event.payload.userId)} joined the call` };
    case "callLeft":
      return { kind: "call", text: `${name(event.payload.userId)} left the call${event.payload.reason === "left" ? "" : ` (${event.payload.reason})`}` };
    case "callMediaChanged":
      return { kind: "call", text: `${name(event.payload.userId)} ${mediaChange(before.call.members[event.payload.userId]?.media, event.payload.media)}` };
    case "callPolicyChanged":
      return { kind: "call", text: event.payload.observersMaySpeak ? "Observers may now speak in the call" : "Observers now only listen and watch" };
  }
  return unreachable(event);
}

/** A line of the timeline as listed: one step's entry, or a run of drawing folded into one. */
export interface TimelineLine extends TimelineEntry {
  /** The steps it stands for, by index: the first and the last. */
  first: number;
  last: number;
}

/**
 * The timeline's lines for the steps that pass `shown`, each step's entry, except that a member's
 * consecutive drawing on one question's whiteboard is one line: the room keeps a push of a drawing member
 * every 50 ms as an event, so a minute at the whiteboard would be hundreds of lines. The slider still
 * moves through every step, so the replay shows the drawing grow. `frames[i]` is the frame before step i.
 */
export function timelineLines(
  steps: ReadonlyArray<{ event: ViewEvent }>,
  frames: readonly RoomView[],
  shown: (entry: TimelineEntry) => boolean = () => true,
): TimelineLine[] {
  const lines: Array<TimelineLine & { changes: number }> = [];
  steps.forEach((step, i) => {
    const entry = describeStep(step.event, frames[i]!);
    if (!shown(entry)) return;
    const previous = lines.at(-1);
    if (previous && sameDrawing(steps[previous.last]!.event, step.event)) {
      previous.last = i;
      previous.changes++;
      return;
    }
    lines.push({ ...entry, first: i, last: i, changes: 1 });
  });
  return lines.map(({ changes, ...line }) => (changes === 1 ? line : { ...line, text: `${line.text}: ${changes} changes` }));
}

function sameDrawing(a: ViewEvent, b: ViewEvent): boolean {
  return a.type === "boardChanged" && b.type === "boardChanged" && a.payload.by === b.payload.by && a.payload.questionId === b.payload.questionId;
}

/** What a member turned on or off, screen sharing first: the change the review is most likely looking for. */
function mediaChange(before: CallMedia | undefined, after: CallMedia): string {
  if (after.screen !== (before?.screen ?? false)) return after.screen ? "started sharing their screen" : "stopped sharing their screen";
  const changed: string[] = [];
  if (after.audio !== (before?.audio ?? false)) changed.push(`turned the microphone ${after.audio ? "on" : "off"}`);
  if (after.video !== (before?.video ?? false)) changed.push(`turned the camera ${after.video ? "on" : "off"}`);
  return changed.length > 0 ? changed.join(" and ") : "changed nothing in the call";
}

function questionLabel(view: RoomView, questionId: string, position?: number): string {
  const found =
    view.role === "CANDIDATE"
      ? [...view.earlier, ...(view.current ? [view.current] : [])].find((question) => question.id === questionId)
      : view.questions.find((question) => question.id === questionId);
  const at = found?.position ?? position;
  return at === undefined ? "a question" : `question ${at + 1}`;
}

function followUpPrompt(view: RoomView, payload: { questionId: string; followUpId: string; prompt?: string }): string {
  if (payload.prompt !== undefined) return clip(payload.prompt);
  if (view.role === "CANDIDATE") return "a follow-up";
  const prompt = view.questions
    .find((question) => question.id === payload.questionId)
    ?.followUps.find((followUp) => followUp.id === payload.followUpId)?.prompt;
  return prompt ? clip(prompt) : "a follow-up";
}

function keyPointText(view: RoomView, questionId: string, index: number): string {
  if (view.role === "CANDIDATE") return `#${index + 1}`;
  const text = view.questions.find((question) => question.id === questionId)?.keyPoints[index]?.text;
  return text ? clip(text) : `#${index + 1}`;
}

function clip(text: string, max = 120): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
