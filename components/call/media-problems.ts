/**
 * What went wrong with a camera, a microphone or a screen share, in words for the person in front of it.
 * Browsers report these as DOMException names (and a few older or vendor-specific ones); the names below
 * are the ones Chromium, Firefox and Safari throw from getUserMedia and getDisplayMedia.
 */

/** The devices a request was for: one of them, or both asked together. */
export type MediaKind = "audio" | "video";
export type ProblemSubject = MediaKind | "both" | "screen";

export type ProblemReason =
  /** The person or the browser's site settings refused it (or the page's Permissions-Policy). */
  | "denied"
  /** No such device on this machine. */
  | "missing"
  /** The device exists but could not be opened: another application holds it, or the system blocked it. */
  | "busy"
  /** The chosen device is no longer there (unplugged), or it stopped while in use. */
  | "gone"
  /** The page is not a secure context (plain http on an address other than localhost). */
  | "insecure"
  /** This browser cannot do it at all (e.g. screen sharing on a phone). */
  | "unsupported"
  | "unknown";

export interface MediaProblem {
  subject: ProblemSubject;
  reason: ProblemReason;
  /** A sentence for the person, saying what to do when there is something to do. */
  message: string;
}

const NOUNS: Record<ProblemSubject, string> = {
  audio: "microphone",
  video: "camera",
  both: "camera and microphone",
  screen: "screen",
};

/** DOMException names by what they mean; the older Chrome and Firefox spellings included. */
const REASON_OF_NAME: Readonly<Record<string, ProblemReason>> = {
  NotAllowedError: "denied",
  PermissionDeniedError: "denied",
  SecurityError: "denied",
  NotFoundError: "missing",
  DevicesNotFoundError: "missing",
  NotReadableError: "busy",
  TrackStartError: "busy",
  // Firefox: "Starting videoinput failed" when the camera is held elsewhere.
  AbortError: "busy",
  OverconstrainedError: "gone",
  ConstraintNotSatisfiedError: "gone",
  NotSupportedError: "unsupported",
};

function errorName(error: unknown): string {
  if (typeof error === "object" && error !== null && "name" in error && typeof error.name === "string") return error.name;
  return "";
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sentence for one reason about one subject. */
function messageFor(subject: ProblemSubject, reason: ProblemReason): string {
  const noun = NOUNS[subject];
  const plural = subject === "both";
  switch (reason) {
    case "denied":
      return subject === "screen"
        ? "Screen sharing is not allowed in this browser: allow it in the browser's site or system settings."
        : `Mockroom is not allowed to use your ${noun}: allow ${plural ? "them" : "it"} in the browser's site settings, then turn ${plural ? "them" : "it"} on again.`;
    case "missing":
      return subject === "both" ? "No camera or microphone was found." : `No ${noun} was found.`;
    case "busy":
      return `Your ${noun} ${plural ? "are" : "is"} in use by another application, or the system blocked ${plural ? "them" : "it"}: close that application and try again.`;
    case "gone":
      return `The chosen ${noun} is no longer available: pick another one.`;
    case "insecure":
      return "Calls need HTTPS: open Mockroom at its https:// address (or on localhost) to use your camera and microphone.";
    case "unsupported":
      return subject === "screen" ? "This browser cannot share its screen." : `This browser cannot use your ${noun}.`;
    case "unknown":
      return `${capitalised(subject === "screen" ? "screen sharing" : `your ${noun}`)} could not be started.`;
  }
}

/** The problem for an error thrown by getUserMedia (`subject` audio, video or both) or getDisplayMedia ("screen"). */
export function mediaProblem(subject: ProblemSubject, error: unknown): MediaProblem {
  const reason = REASON_OF_NAME[errorName(error)] ?? "unknown";
  return { subject, reason, message: messageFor(subject, reason) };
}

/** The problem when the page cannot ask at all: no `navigator.mediaDevices` outside a secure context. */
export function insecureContextProblem(subject: ProblemSubject): MediaProblem {
  return { subject, reason: "insecure", message: messageFor(subject, "insecure") };
}

/** A device that was working stopped (unplugged, or taken by the system). */
export function stoppedDeviceProblem(kind: MediaKind): MediaProblem {
  return { subject: kind, reason: "gone", message: `Your ${NOUNS[kind]} stopped: it was disconnected or the system took it back.` };
}

export function unsupportedProblem(subject: ProblemSubject): MediaProblem {
  return { subject, reason: "unsupported", message: messageFor(subject, "unsupported") };
}

/**
 * The problems to show for the camera and the microphone: one sentence for both when both failed for the
 * same reason (both refused: "your camera and microphone"), otherwise one each.
 */
export function problemsToShow(audio: MediaProblem | null, video: MediaProblem | null): MediaProblem[] {
  if (audio && video && audio.reason === video.reason && audio.reason !== "gone") {
    return [{ subject: "both", reason: audio.reason, message: messageFor("both", audio.reason) }];
  }
  return [video, audio].filter((problem): problem is MediaProblem => problem !== null);
}

/**
 * Whether a failed getDisplayMedia was the person closing the picker. Browsers report that as
 * NotAllowedError, the same as a refusal by policy, so a share that was refused says nothing either;
 * the person who cancelled needs no message and one who was refused sees that nothing is shared.
 */
export function isCancelledShare(error: unknown): boolean {
  return errorName(error) === "NotAllowedError";
}
