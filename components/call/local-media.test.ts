import { describe, expect, it } from "vitest";
import { acquireMedia, deviceOptions, LocalMedia, type MediaDevicesPort, type MediaEnvironment } from "./local-media";
import type { MediaKind } from "./media-problems";

type Listener = () => void;

class FakeTrack {
  enabled = true;
  readyState: "live" | "ended" = "live";
  contentHint = "";
  private readonly endedListeners = new Set<Listener>();
  constructor(
    readonly kind: MediaKind,
    readonly deviceId: string,
  ) {}
  stop() {
    this.readyState = "ended";
  }
  getSettings() {
    return { deviceId: this.deviceId };
  }
  addEventListener(_type: "ended", listener: Listener) {
    this.endedListeners.add(listener);
  }
  /** What the browser does when the device is unplugged or the share is stopped from its own bar. */
  end() {
    this.readyState = "ended";
    for (const listener of this.endedListeners) listener();
  }
}

class FakeStream {
  constructor(private tracks: FakeTrack[]) {}
  getTracks() {
    return [...this.tracks];
  }
  getAudioTracks() {
    return this.tracks.filter((track) => track.kind === "audio");
  }
  getVideoTracks() {
    return this.tracks.filter((track) => track.kind === "video");
  }
  addTrack(track: FakeTrack) {
    this.tracks.push(track);
  }
  removeTrack(track: FakeTrack) {
    this.tracks = this.tracks.filter((kept) => kept !== track);
  }
}

const domError = (name: string) => Object.assign(new Error(name), { name });

interface FakeDevice {
  kind: MediaKind;
  deviceId: string;
  label: string;
  /** The DOMException name the browser throws for this device (refused, held by another app), if any. */
  failsWith?: string;
}

/**
 * A browser's mediaDevices over a list of devices: a request for a device that is not there fails, as
 * does one for a device that `failsWith`; asked together, one failure fails both, as in Chromium.
 */
class FakeMediaDevices implements MediaDevicesPort {
  readonly requests: MediaStreamConstraints[] = [];
  readonly opened: FakeTrack[] = [];
  screenFailsWith: string | null = null;
  readonly screens: FakeStream[] = [];
  private readonly changeListeners = new Set<Listener>();
  constructor(public devices: FakeDevice[]) {}

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    this.requests.push(constraints);
    const tracks = (["audio", "video"] as const).filter((kind) => constraints[kind]).map((kind) => this.open(kind, constraints[kind]));
    this.opened.push(...tracks);
    return new FakeStream(tracks) as unknown as MediaStream;
  }

  private open(kind: MediaKind, constraint: boolean | MediaTrackConstraints | undefined): FakeTrack {
    const exact = typeof constraint === "object" ? (constraint.deviceId as { exact: string } | undefined)?.exact : undefined;
    const device = this.devices.find((candidate) => candidate.kind === kind && (exact === undefined || candidate.deviceId === exact));
    if (!device) throw domError(exact === undefined ? "NotFoundError" : "OverconstrainedError");
    if (device.failsWith) throw domError(device.failsWith);
    return new FakeTrack(kind, device.deviceId);
  }

  async getDisplayMedia(): Promise<MediaStream> {
    if (this.screenFailsWith) throw domError(this.screenFailsWith);
    const screen = new FakeStream([new FakeTrack("video", "screen")]);
    this.screens.push(screen);
    return screen as unknown as MediaStream;
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    const kinds = { audio: "audioinput", video: "videoinput" } as const;
    return this.devices.map((device) => ({ kind: kinds[device.kind], deviceId: device.deviceId, label: device.label, groupId: "" }) as MediaDeviceInfo);
  }

  addEventListener(_type: "devicechange", listener: Listener) {
    this.changeListeners.add(listener);
  }
  removeEventListener(_type: "devicechange", listener: Listener) {
    this.changeListeners.delete(listener);
  }
  /** A device plugged in or out. */
  change(devices: FakeDevice[]) {
    this.devices = devices;
    for (const listener of this.changeListeners) listener();
  }
}

const MIC: FakeDevice = { kind: "audio", deviceId: "mic-1", label: "Built-in microphone" };
const HEADSET: FakeDevice = { kind: "audio", deviceId: "mic-2", label: "Headset" };
const CAMERA: FakeDevice = { kind: "video", deviceId: "cam-1", label: "FaceTime camera" };
const USB_CAMERA: FakeDevice = { kind: "video", deviceId: "cam-2", label: "USB camera" };

function environment(devices: FakeMediaDevices, secure = true): MediaEnvironment {
  return { devices, secure, createStream: (tracks) => new FakeStream(tracks as unknown as FakeTrack[]) as unknown as MediaStream };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const both = { audio: true, video: true };

describe("acquireMedia", () => {
  it("asks once for both when both work", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const { tracks, problems } = await acquireMedia(environment(devices), both);
    expect(tracks.audio?.kind).toBe("audio");
    expect(tracks.video?.kind).toBe("video");
    expect(problems).toEqual({ audio: null, video: null });
    expect(devices.requests).toHaveLength(1);
  });

  it("joins with the microphone when the camera is refused, and says why the camera is not there", async () => {
    const devices = new FakeMediaDevices([MIC, { ...CAMERA, failsWith: "NotAllowedError" }]);
    const { tracks, problems } = await acquireMedia(environment(devices), both);
    expect(tracks.audio).not.toBeNull();
    expect(tracks.video).toBeNull();
    expect(problems.audio).toBeNull();
    expect(problems.video).toMatchObject({ reason: "denied", message: expect.stringMatching(/^Mockroom is not allowed to use your camera/) });
    expect(devices.requests.map((request) => Object.keys(request).join("+"))).toEqual(["audio+video", "audio", "video"]);
  });

  it("joins with the camera when there is no microphone", async () => {
    const devices = new FakeMediaDevices([CAMERA]);
    const { tracks, problems } = await acquireMedia(environment(devices), both);
    expect(tracks.video).not.toBeNull();
    expect(tracks.audio).toBeNull();
    expect(problems.audio?.message).toBe("No microphone was found.");
  });

  it("says the camera is in use when another application holds it", async () => {
    const devices = new FakeMediaDevices([MIC, { ...CAMERA, failsWith: "NotReadableError" }]);
    const { problems } = await acquireMedia(environment(devices), both);
    expect(problems.video?.message).toMatch(/^Your camera is in use by another application/);
  });

  it("takes the default device when the chosen one is gone", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const { tracks, problems } = await acquireMedia(environment(devices), { ...both, videoDeviceId: "unplugged-camera" });
    expect(tracks.video?.getSettings().deviceId).toBe("cam-1");
    expect(problems.video).toBeNull();
  });

  it("asks for the chosen device exactly, not as a preference", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA, USB_CAMERA]);
    await acquireMedia(environment(devices), { audio: false, video: true, videoDeviceId: "cam-2" });
    expect(devices.requests[0]?.video).toMatchObject({ deviceId: { exact: "cam-2" } });
  });

  it("asks nothing outside a secure context and says HTTPS is needed", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const { problems } = await acquireMedia(environment(devices, false), both);
    expect(devices.requests).toEqual([]);
    expect(problems.audio?.reason).toBe("insecure");
    expect(problems.video?.message).toMatch(/^Calls need HTTPS/);
  });

  it("asks nothing when nothing is wanted", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const { tracks } = await acquireMedia(environment(devices), { audio: false, video: false });
    expect(tracks).toEqual({ audio: null, video: null });
    expect(devices.requests).toEqual([]);
  });
});

describe("deviceOptions", () => {
  it("lists the devices of a kind, names unnamed ones and leaves out those without an id (before permission)", () => {
    const infos = [
      { kind: "audioinput", deviceId: "", label: "" },
      { kind: "audioinput", deviceId: "a", label: "" },
      { kind: "audiooutput", deviceId: "speaker", label: "Speaker" },
      { kind: "videoinput", deviceId: "v", label: "Camera X" },
    ] as MediaDeviceInfo[];
    expect(deviceOptions(infos, "audio")).toEqual([{ deviceId: "a", label: "Microphone 1" }]);
    expect(deviceOptions(infos, "video")).toEqual([{ deviceId: "v", label: "Camera X" }]);
  });
});

async function opened(devices: FakeMediaDevices) {
  const media = new LocalMedia(environment(devices));
  await media.open(both);
  return media;
}

describe("LocalMedia", () => {
  it("opens what works, lists the devices and puts both tracks in one stream", async () => {
    const media = await opened(new FakeMediaDevices([MIC, HEADSET, CAMERA]));
    const snapshot = media.getSnapshot();
    expect(snapshot.audio && snapshot.video).toBe(true);
    expect(snapshot.stream?.getTracks()).toEqual([snapshot.audioTrack, snapshot.videoTrack]);
    expect(snapshot.devices.audio.map((device) => device.label)).toEqual(["Built-in microphone", "Headset"]);
    expect(snapshot.selected).toEqual({ audio: "mic-1", video: "cam-1" });
  });

  it("mutes by disabling the microphone's track and turns the camera off by stopping it", async () => {
    const media = await opened(new FakeMediaDevices([MIC, CAMERA]));
    const { audioTrack, videoTrack, stream } = media.getSnapshot();
    await media.setAudio(false);
    await media.setVideo(false);
    expect(audioTrack?.enabled).toBe(false);
    expect(media.getSnapshot()).toMatchObject({ audio: false, video: false, videoTrack: null });
    expect(videoTrack?.readyState).toBe("ended");
    expect(stream?.getVideoTracks()).toEqual([]);
    await media.setVideo(true);
    await media.setAudio(true);
    expect(media.getSnapshot()).toMatchObject({ audio: true, video: true, stream });
    expect(media.getSnapshot().videoTrack).not.toBe(videoTrack);
  });

  it("switches a device by replacing its track in the same stream, and a muted microphone stays muted", async () => {
    const media = await opened(new FakeMediaDevices([MIC, HEADSET, CAMERA]));
    const { audioTrack: before, stream } = media.getSnapshot();
    await media.setAudio(false);
    await media.selectDevice("audio", "mic-2");
    const after = media.getSnapshot();
    expect(after.audioTrack).not.toBe(before);
    expect(before?.readyState).toBe("ended");
    expect(after.audioTrack?.getSettings().deviceId).toBe("mic-2");
    expect(after.audioTrack?.enabled).toBe(false);
    expect(after.stream).toBe(stream);
    expect(stream?.getAudioTracks()).toEqual([after.audioTrack]);
    expect(after.selected.audio).toBe("mic-2");
  });

  it("keeps a device chosen while the camera is off for when it is turned on", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA, USB_CAMERA]);
    const media = await opened(devices);
    await media.setVideo(false);
    await media.selectDevice("video", "cam-2");
    expect(media.getSnapshot().videoTrack).toBeNull();
    await media.setVideo(true);
    expect(media.getSnapshot().videoTrack?.getSettings().deviceId).toBe("cam-2");
  });

  it("tries again when a refused device is turned on, and clears the problem once it works", async () => {
    const devices = new FakeMediaDevices([MIC, { ...CAMERA, failsWith: "NotAllowedError" }]);
    const media = await opened(devices);
    expect(media.getSnapshot().problems.video?.reason).toBe("denied");
    devices.devices = [MIC, CAMERA];
    await media.setVideo(true);
    expect(media.getSnapshot()).toMatchObject({ video: true, problems: { video: null } });
  });

  it("keeps the device list current when a device is plugged in", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const media = await opened(devices);
    devices.change([MIC, HEADSET, CAMERA]);
    await settled();
    expect(media.getSnapshot().devices.audio.map((device) => device.deviceId)).toEqual(["mic-1", "mic-2"]);
  });

  it("hands over to the default microphone when the one in use is unplugged", async () => {
    const devices = new FakeMediaDevices([HEADSET, MIC, CAMERA]);
    const media = await opened(devices);
    const headset = media.getSnapshot().audioTrack as unknown as FakeTrack;
    devices.devices = [MIC, CAMERA];
    headset.end();
    await settled();
    expect(media.getSnapshot().audioTrack?.getSettings().deviceId).toBe("mic-1");
    expect(media.getSnapshot().problems.audio).toBeNull();
  });

  it("says the microphone stopped when the one in use is unplugged and there is no other", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const media = await opened(devices);
    devices.devices = [CAMERA];
    (media.getSnapshot().audioTrack as unknown as FakeTrack).end();
    await settled();
    expect(media.getSnapshot()).toMatchObject({ audio: false, problems: { audio: { message: "No microphone was found." } } });
  });

  it("stops a device that arrives after close, and every track on close", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const media = new LocalMedia(environment(devices));
    const opening = media.open(both);
    media.close();
    await opening;
    expect(devices.opened.length).toBeGreaterThan(0);
    expect(devices.opened.every((track) => track.readyState === "ended")).toBe(true);
    expect(media.getSnapshot().stream).toBeNull();
  });

  it("gives a microphone muted while it was being asked for muted, and asks for a camera once however often it is turned on", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const media = new LocalMedia(environment(devices));
    const opening = media.open(both);
    await media.setAudio(false);
    await media.setVideo(true);
    await opening;
    expect(media.getSnapshot()).toMatchObject({ audio: false, video: true });
    expect(media.getSnapshot().audioTrack?.enabled).toBe(false);
    expect(devices.requests).toHaveLength(1);
  });

  it("drops an answer overtaken by a later choice", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const media = await opened(devices);
    await media.setVideo(false);
    const turningOn = media.setVideo(true);
    await media.setVideo(false);
    await turningOn;
    expect(media.getSnapshot().videoTrack).toBeNull();
    expect(devices.opened.filter((track) => track.kind === "video").every((track) => track.readyState === "ended")).toBe(true);
  });
});

describe("LocalMedia's screen share", () => {
  it("shares, marks the track as detail, and ends when the browser's own bar stops it", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const media = await opened(devices);
    expect(await media.startScreenShare()).toBe("sharing");
    const track = media.getSnapshot().screen?.getVideoTracks()[0] as unknown as FakeTrack;
    expect(track.contentHint).toBe("detail");
    track.end();
    expect(media.getSnapshot().screen).toBeNull();
  });

  it("takes a closed picker for a cancel, with no message", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    devices.screenFailsWith = "NotAllowedError";
    const media = await opened(devices);
    expect(await media.startScreenShare()).toBe("cancelled");
    expect(media.getSnapshot().problems.screen).toBeNull();
  });

  it("says why a share failed otherwise, and that a browser without getDisplayMedia cannot share", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    devices.screenFailsWith = "NotReadableError";
    const media = await opened(devices);
    expect(await media.startScreenShare()).toBe("failed");
    expect(media.getSnapshot().problems.screen?.reason).toBe("busy");

    // Phones' browsers have no getDisplayMedia at all.
    const phone = new FakeMediaDevices([MIC, CAMERA]);
    Object.defineProperty(phone, "getDisplayMedia", { value: undefined });
    const onPhone = new LocalMedia(environment(phone));
    expect(await onPhone.startScreenShare()).toBe("failed");
    expect(onPhone.getSnapshot().problems.screen?.message).toBe("This browser cannot share its screen.");
  });

  it("stops the previous share when a new one starts, and the share on close", async () => {
    const devices = new FakeMediaDevices([MIC, CAMERA]);
    const media = await opened(devices);
    await media.startScreenShare();
    await media.startScreenShare();
    const [first, second] = devices.screens;
    expect(first?.getTracks()[0]?.readyState).toBe("ended");
    media.close();
    expect(second?.getTracks()[0]?.readyState).toBe("ended");
  });
});
