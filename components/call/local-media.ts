import {
  insecureContextProblem,
  isCancelledShare,
  mediaProblem,
  stoppedDeviceProblem,
  unsupportedProblem,
  type MediaKind,
  type MediaProblem,
} from "@/components/call/media-problems";

/** The part of `navigator.mediaDevices` this file uses, so that tests drive it with a fake. */
export interface MediaDevicesPort {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia?(options: DisplayMediaStreamOptions): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  addEventListener(type: "devicechange", listener: () => void): void;
  removeEventListener(type: "devicechange", listener: () => void): void;
}

export interface MediaEnvironment {
  /** Null where the browser offers none: outside a secure context `navigator.mediaDevices` is undefined. */
  devices: MediaDevicesPort | null;
  /** `window.isSecureContext`: https, or http on localhost. */
  secure: boolean;
  createStream(tracks: MediaStreamTrack[]): MediaStream;
}

/** This browser's media, for a client component (never during the server render). */
export function browserMediaEnvironment(): MediaEnvironment {
  return {
    devices: navigator.mediaDevices ?? null,
    secure: window.isSecureContext,
    createStream: (tracks) => new MediaStream(tracks),
  };
}

export interface MediaRequest {
  audio: boolean;
  video: boolean;
  /** A device chosen in the device list; null for the browser's default. */
  audioDeviceId?: string | null;
  videoDeviceId?: string | null;
}

export interface AcquiredMedia {
  tracks: Record<MediaKind, MediaStreamTrack | null>;
  /** Why an asked-for device is missing from `tracks`; null for one that was not asked or that works. */
  problems: Record<MediaKind, MediaProblem | null>;
}

// Talking heads in tiles, sent to up to four others from each browser (a mesh): more pixels would cost
// every member upload and CPU without showing more. A screen share is what is shown large.
const VIDEO_SHAPE: MediaTrackConstraints = { width: { ideal: 960 }, height: { ideal: 540 }, frameRate: { ideal: 24, max: 30 } };
const SCREEN_OPTIONS: DisplayMediaStreamOptions = { video: { frameRate: { ideal: 15, max: 30 } }, audio: false };

/** `exact`, so that a device that went away fails (OverconstrainedError) instead of silently becoming another. */
function constraintsFor(kind: MediaKind, deviceId: string | null | undefined): MediaTrackConstraints | true {
  const device = deviceId ? { deviceId: { exact: deviceId } } : {};
  if (kind === "video") return { ...VIDEO_SHAPE, ...device };
  return deviceId ? device : true;
}

function firstTrack(stream: MediaStream, kind: MediaKind): MediaStreamTrack | null {
  return (kind === "audio" ? stream.getAudioTracks() : stream.getVideoTracks())[0] ?? null;
}

function stopAll(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

type OneResult = { track: MediaStreamTrack; problem: null } | { track: null; problem: MediaProblem };

/** One device alone; a chosen device that is gone gives way to the default one. */
export async function acquireOne(devices: MediaDevicesPort, kind: MediaKind, deviceId: string | null | undefined): Promise<OneResult> {
  try {
    const stream = await devices.getUserMedia({ [kind]: constraintsFor(kind, deviceId) });
    const track = firstTrack(stream, kind);
    if (track) return { track, problem: null };
    stopAll(stream);
    return { track: null, problem: mediaProblem(kind, { name: "NotFoundError" }) };
  } catch (error) {
    const problem = mediaProblem(kind, error);
    if (deviceId && problem.reason === "gone") return acquireOne(devices, kind, null);
    return { track: null, problem };
  }
}

const NOTHING: AcquiredMedia = { tracks: { audio: null, video: null }, problems: { audio: null, video: null } };

/**
 * The camera and microphone as asked, or as much of them as works. Both are asked together first (one
 * permission prompt); when that fails, each is asked alone, so that a refused or missing camera still
 * lets the microphone through, and each failure gets its own sentence.
 */
export async function acquireMedia(environment: MediaEnvironment, request: MediaRequest): Promise<AcquiredMedia> {
  if (!request.audio && !request.video) return NOTHING;
  const { devices } = environment;
  if (!environment.secure || !devices) {
    const problem = (asked: boolean, kind: MediaKind) => (asked ? insecureContextProblem(kind) : null);
    return { tracks: { audio: null, video: null }, problems: { audio: problem(request.audio, "audio"), video: problem(request.video, "video") } };
  }
  if (request.audio && request.video) {
    try {
      const stream = await devices.getUserMedia({
        audio: constraintsFor("audio", request.audioDeviceId),
        video: constraintsFor("video", request.videoDeviceId),
      });
      const tracks = { audio: firstTrack(stream, "audio"), video: firstTrack(stream, "video") };
      if (tracks.audio && tracks.video) return { tracks, problems: { audio: null, video: null } };
      stopAll(stream);
    } catch {
      // Which of the two failed is not said: ask each alone below.
    }
  }
  // One after the other: two prompts at once confuse people and some browsers.
  const audio = request.audio ? await acquireOne(devices, "audio", request.audioDeviceId) : null;
  const video = request.video ? await acquireOne(devices, "video", request.videoDeviceId) : null;
  return {
    tracks: { audio: audio?.track ?? null, video: video?.track ?? null },
    problems: { audio: audio?.problem ?? null, video: video?.problem ?? null },
  };
}

export interface DeviceOption {
  deviceId: string;
  label: string;
}

const DEVICE_KIND: Record<MediaKind, MediaDeviceKind> = { audio: "audioinput", video: "videoinput" };
const UNNAMED: Record<MediaKind, string> = { audio: "Microphone", video: "Camera" };

/** Cameras and microphones to choose from. Before permission browsers give no ids or labels: nothing to choose yet. */
export function deviceOptions(infos: readonly MediaDeviceInfo[], kind: MediaKind): DeviceOption[] {
  return infos
    .filter((info) => info.kind === DEVICE_KIND[kind] && info.deviceId !== "")
    .map((info, index) => ({ deviceId: info.deviceId, label: info.label || `${UNNAMED[kind]} ${index + 1}` }));
}

export interface LocalMediaSnapshot {
  /** The camera-and-microphone stream: one object for the media's whole life once a device worked, tracks swapped in it. */
  stream: MediaStream | null;
  audioTrack: MediaStreamTrack | null;
  videoTrack: MediaStreamTrack | null;
  /** The microphone is on: a track, enabled (muting disables the track and keeps the device). */
  audio: boolean;
  /** The camera is on: a track (turning it off stops it, so its light goes out). */
  video: boolean;
  /** The screen being shared, or null. */
  screen: MediaStream | null;
  devices: Record<MediaKind, DeviceOption[]>;
  /** The device in use or to use; null for the browser's default. */
  selected: Record<MediaKind, string | null>;
  problems: Record<MediaKind | "screen", MediaProblem | null>;
  /** Asking the browser for a device right now. */
  pending: Record<MediaKind, boolean>;
}

const INITIAL: LocalMediaSnapshot = {
  stream: null,
  audioTrack: null,
  videoTrack: null,
  audio: false,
  video: false,
  screen: null,
  devices: { audio: [], video: [] },
  selected: { audio: null, video: null },
  problems: { audio: null, video: null, screen: null },
  pending: { audio: false, video: false },
};

export type ScreenShareOutcome = "sharing" | "cancelled" | "failed";

/**
 * This member's camera, microphone and screen, outside React (a hook reads it with useSyncExternalStore).
 * It asks for devices, keeps the device list current, swaps tracks when a device is switched, turned off
 * or unplugged, and says in `problems` what did not work. The call reads `audioTrack`/`videoTrack` and
 * replaces its senders' tracks when they change. Whoever makes it closes it (`close`), which stops every track.
 */
export class LocalMedia {
  private snapshot: LocalMediaSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private opened = false;
  private closed = false;
  /** The person muted the microphone: every microphone track, a new one included, starts disabled. */
  private micMuted = false;
  /** Bumped by every request for a kind, so that an answer overtaken by a later request is dropped. */
  private readonly requests: Record<MediaKind, number> = { audio: 0, video: 0 };

  constructor(private readonly environment: MediaEnvironment) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LocalMediaSnapshot => this.snapshot;

  /** Asks for the camera and microphone (what works of them) and starts following the device list. Once only. */
  async open(request: { audio: boolean; video: boolean }): Promise<void> {
    if (this.opened || this.closed) return;
    this.opened = true;
    this.environment.devices?.addEventListener("devicechange", this.refreshDevices);
    const ticket = { audio: ++this.requests.audio, video: ++this.requests.video };
    this.update({ pending: { audio: request.audio, video: request.video } });
    const acquired = await acquireMedia(this.environment, request);
    for (const kind of ["audio", "video"] as const) {
      if (request[kind]) this.settle(kind, ticket[kind], acquired.tracks[kind], acquired.problems[kind]);
    }
    await this.refreshDevices();
  }

  /**
   * Microphone on or off. Off mutes the track; on unmutes it, or asks for a microphone when there is none.
   * A microphone still on its way arrives muted or not, as last chosen.
   */
  setAudio = async (on: boolean): Promise<void> => {
    this.micMuted = !on;
    const track = this.snapshot.audioTrack;
    if (track) track.enabled = on;
    if (track || this.snapshot.pending.audio) this.update({});
    else if (on) await this.request("audio", this.snapshot.selected.audio);
  };

  /** Camera on or off. Off stops the track (the camera's light goes out), or drops one on its way; on asks for it again. */
  setVideo = async (on: boolean): Promise<void> => {
    if (!on) this.drop("video");
    else if (!this.snapshot.videoTrack && !this.snapshot.pending.video) await this.request("video", this.snapshot.selected.video);
  };

  /**
   * Uses another device. While the kind is in use (or was wanted and failed) the new device is asked for
   * and replaces the old one; a muted microphone stays muted. Otherwise the choice waits for "on".
   */
  selectDevice = async (kind: MediaKind, deviceId: string): Promise<void> => {
    const inUse = this.trackOf(kind) !== null || this.snapshot.problems[kind] !== null;
    this.update({ selected: { ...this.snapshot.selected, [kind]: deviceId } });
    if (!inUse) return;
    // Some cameras (and phones) open one camera at a time: let go of the old one first.
    if (kind === "video") this.drop("video");
    await this.request(kind, deviceId);
  };

  /**
   * Shares a screen, window or tab, chosen in the browser's own picker. Call it straight from a click:
   * browsers allow the picker only during a user gesture, so nothing may be awaited before it.
   */
  startScreenShare = async (): Promise<ScreenShareOutcome> => {
    const devices = this.environment.devices;
    if (!devices?.getDisplayMedia) {
      this.setProblem("screen", this.environment.secure ? unsupportedProblem("screen") : insecureContextProblem("screen"));
      return "failed";
    }
    let screen: MediaStream;
    try {
      screen = await devices.getDisplayMedia(SCREEN_OPTIONS);
    } catch (error) {
      this.setProblem("screen", isCancelledShare(error) ? null : mediaProblem("screen", error));
      return isCancelledShare(error) ? "cancelled" : "failed";
    }
    if (this.closed) {
      stopAll(screen);
      return "failed";
    }
    this.stopScreenShare();
    for (const track of screen.getVideoTracks()) {
      // Text and lines over motion: keep a shared IDE sharp rather than smooth.
      track.contentHint = "detail";
      // The browser's own "Stop sharing" bar ends the track without asking us.
      track.addEventListener("ended", () => this.onScreenEnded(screen), { once: true });
    }
    this.update({ screen, problems: { ...this.snapshot.problems, screen: null } });
    return "sharing";
  };

  stopScreenShare = (): void => {
    const screen = this.snapshot.screen;
    if (!screen) return;
    stopAll(screen);
    this.update({ screen: null });
  };

  /** Stops every track and stops following the devices; the media can not be opened again. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.environment.devices?.removeEventListener("devicechange", this.refreshDevices);
    this.stopScreenShare();
    this.drop("audio");
    this.drop("video");
  }

  /** Reads the device list again; called on `devicechange` (a device plugged in or out) and after permission. */
  refreshDevices = async (): Promise<void> => {
    const devices = this.environment.devices;
    if (!devices || this.closed) return;
    let infos: MediaDeviceInfo[];
    try {
      infos = await devices.enumerateDevices();
    } catch {
      return;
    }
    if (this.closed) return;
    this.update({ devices: { audio: deviceOptions(infos, "audio"), video: deviceOptions(infos, "video") } });
  };

  private trackOf(kind: MediaKind): MediaStreamTrack | null {
    return kind === "audio" ? this.snapshot.audioTrack : this.snapshot.videoTrack;
  }

  /** Asks for one device and puts it in place of the current one of its kind. */
  private async request(kind: MediaKind, deviceId: string | null): Promise<void> {
    if (this.closed) return;
    const ticket = ++this.requests[kind];
    const devices = this.environment.devices;
    if (!devices || !this.environment.secure) return this.settle(kind, ticket, null, insecureContextProblem(kind));
    this.update({ pending: { ...this.snapshot.pending, [kind]: true } });
    const result = await acquireOne(devices, kind, deviceId);
    this.settle(kind, ticket, result.track, result.problem);
    // Labels and ids come with the first permission.
    if (result.track) await this.refreshDevices();
  }

  /** Takes an answer for `kind`, unless a later request or `close` overtook it (then its track is let go). */
  private settle(kind: MediaKind, ticket: number, track: MediaStreamTrack | null, problem: MediaProblem | null): void {
    if (ticket !== this.requests[kind] || this.closed) {
      track?.stop();
      return;
    }
    this.install(kind, track);
    this.update({ pending: { ...this.snapshot.pending, [kind]: false }, problems: { ...this.snapshot.problems, [kind]: problem } });
  }

  /** Puts `track` in place of the kind's current track (stopped), in the one stream; null just removes it. */
  private install(kind: MediaKind, track: MediaStreamTrack | null): void {
    const old = this.trackOf(kind);
    let stream = this.snapshot.stream;
    if (old) {
      stream?.removeTrack(old);
      old.stop();
    }
    if (track) {
      if (kind === "audio") track.enabled = !this.micMuted;
      if (stream) stream.addTrack(track);
      else stream = this.environment.createStream([track]);
      track.addEventListener("ended", () => void this.onDeviceEnded(kind, track), { once: true });
    }
    const selected = track?.getSettings().deviceId ?? this.snapshot.selected[kind];
    this.update({
      stream,
      [kind === "audio" ? "audioTrack" : "videoTrack"]: track,
      selected: { ...this.snapshot.selected, [kind]: selected },
    });
  }

  /** Turns a kind off: no track, no problem, nothing pending. */
  private drop(kind: MediaKind): void {
    this.requests[kind]++;
    this.install(kind, null);
    this.update({ pending: { ...this.snapshot.pending, [kind]: false }, problems: { ...this.snapshot.problems, [kind]: null } });
  }

  /**
   * A device stopped by itself (unplugged, or taken back by the system or the browser): the default device
   * takes over when there is one (a headset pulled out leaves the laptop's microphone); otherwise the
   * problem says why there is none.
   */
  private async onDeviceEnded(kind: MediaKind, track: MediaStreamTrack): Promise<void> {
    if (this.trackOf(kind) !== track || this.closed) return;
    this.install(kind, null);
    this.setProblem(kind, stoppedDeviceProblem(kind));
    await this.request(kind, null);
  }

  private onScreenEnded(screen: MediaStream): void {
    if (this.snapshot.screen !== screen) return;
    stopAll(screen);
    this.update({ screen: null });
  }

  private setProblem(kind: MediaKind | "screen", problem: MediaProblem | null): void {
    this.update({ problems: { ...this.snapshot.problems, [kind]: problem } });
  }

  /** A new snapshot (always a new object: React compares them by identity), and every listener told. */
  private update(change: Partial<LocalMediaSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    next.audio = next.audioTrack !== null && !this.micMuted;
    next.video = next.videoTrack !== null;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
