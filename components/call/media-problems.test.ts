import { describe, expect, it } from "vitest";
import { insecureContextProblem, isCancelledShare, mediaProblem, problemsToShow } from "./media-problems";

const domError = (name: string) => Object.assign(new Error(`${name} from the browser`), { name });

describe("mediaProblem", () => {
  it.each([
    ["NotAllowedError", "video", "denied", "Mockroom is not allowed to use your camera: allow it in the browser's site settings, then turn it on again."],
    ["NotAllowedError", "audio", "denied", "Mockroom is not allowed to use your microphone: allow it in the browser's site settings, then turn it on again."],
    [
      "PermissionDeniedError",
      "audio",
      "denied",
      "Mockroom is not allowed to use your microphone: allow it in the browser's site settings, then turn it on again.",
    ],
    ["NotFoundError", "audio", "missing", "No microphone was found."],
    ["NotFoundError", "video", "missing", "No camera was found."],
    ["DevicesNotFoundError", "both", "missing", "No camera or microphone was found."],
    ["NotReadableError", "video", "busy", "Your camera is in use by another application, or the system blocked it: close that application and try again."],
    ["TrackStartError", "audio", "busy", "Your microphone is in use by another application, or the system blocked it: close that application and try again."],
    ["AbortError", "video", "busy", "Your camera is in use by another application, or the system blocked it: close that application and try again."],
    ["OverconstrainedError", "video", "gone", "The chosen camera is no longer available: pick another one."],
    ["NotSupportedError", "screen", "unsupported", "This browser cannot share its screen."],
    ["TypeError", "video", "unknown", "Your camera could not be started."],
    ["SomethingNew", "screen", "unknown", "Screen sharing could not be started."],
  ] as const)("%s for %s is %s", (name, subject, reason, message) => {
    expect(mediaProblem(subject, domError(name))).toEqual({ subject, reason, message });
  });

  it("reads the name of an OverconstrainedError, which is not an Error in every browser", () => {
    expect(mediaProblem("audio", { name: "OverconstrainedError", constraint: "deviceId" }).reason).toBe("gone");
  });

  it("calls a thrown non-error unknown", () => {
    expect(mediaProblem("audio", "boom").reason).toBe("unknown");
    expect(mediaProblem("audio", null).reason).toBe("unknown");
  });

  it("says HTTPS is needed outside a secure context", () => {
    expect(insecureContextProblem("both").message).toMatch(/^Calls need HTTPS/);
  });
});

describe("problemsToShow", () => {
  it("says one sentence when both devices failed alike, and one each otherwise", () => {
    const deniedAudio = mediaProblem("audio", domError("NotAllowedError"));
    const deniedVideo = mediaProblem("video", domError("NotAllowedError"));
    expect(problemsToShow(deniedAudio, deniedVideo)).toEqual([
      {
        subject: "both",
        reason: "denied",
        message: "Mockroom is not allowed to use your camera and microphone: allow them in the browser's site settings, then turn them on again.",
      },
    ]);
    const busyVideo = mediaProblem("video", domError("NotReadableError"));
    expect(problemsToShow(deniedAudio, busyVideo)).toEqual([busyVideo, deniedAudio]);
    expect(problemsToShow(null, busyVideo)).toEqual([busyVideo]);
    expect(problemsToShow(null, null)).toEqual([]);
  });
});

describe("isCancelledShare", () => {
  it("takes the picker closed (NotAllowedError) for a cancel, and nothing else", () => {
    expect(isCancelledShare(domError("NotAllowedError"))).toBe(true);
    expect(isCancelledShare(domError("NotReadableError"))).toBe(false);
    expect(isCancelledShare(domError("InvalidStateError"))).toBe(false);
  });
});
