import { describe, expect, it } from "vitest";
import { CallController, type JoinChoice } from "@/components/call/call-controller";
import type { CallMesh, LocalMedia as MeshMedia, PeerAddress } from "@/components/call/call-mesh";
import type { LocalMedia, LocalMediaSnapshot } from "@/components/call/local-media";
import type { Call, CallMember, ClientCommand } from "@/server/domain/room";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";

// The tab's part in the call with everything around it faked: the room (its call state and commands),
// the devices and the mesh. What is checked is what the controller asks of each.

const self = { userId: "user-me", connectionId: "tab-me-0001" };
const peer = { userId: "user-peer", connectionId: "tab-peer-0001" };
const track = (kind: string) => ({ kind, id: `${kind}-track` }) as unknown as MediaStreamTrack;

class FakeMedia {
  closed = false;
  opened: JoinChoice | null = null;
  private listeners = new Set<() => void>();
  snapshot = { audio: false, video: false, audioTrack: null, videoTrack: null, screen: null, stream: null } as unknown as LocalMediaSnapshot;
  subscribe = (listener: () => void) => (this.listeners.add(listener), () => void this.listeners.delete(listener));
  getSnapshot = () => this.snapshot;
  set(patch: Partial<LocalMediaSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
  open = async (choice: JoinChoice) => {
    this.opened = choice;
    this.set({ audio: choice.audio, video: choice.video, audioTrack: choice.audio ? track("audio") : null, videoTrack: choice.video ? track("video") : null });
  };
  setAudio = async (on: boolean) => this.set({ audio: on });
  setVideo = async (on: boolean) => this.set({ video: on, videoTrack: on ? track("video") : null });
  stopScreenShare = () => this.set({ screen: null });
  close = () => void (this.closed = true);
}

class FakeMesh {
  started = false;
  closed = false;
  peerCalls: PeerAddress[][] = [];
  media: MeshMedia[] = [];
  subscribe = () => () => undefined;
  getSnapshot = () => ({ peers: [], iceConfigError: null });
  start = () => void (this.started = true);
  setPeers = (peers: readonly PeerAddress[]) => void this.peerCalls.push([...peers]);
  setLocalMedia = (media: MeshMedia) => void this.media.push(media);
  close = () => void (this.closed = true);
}

function member(connectionId: string, joinedAt: string, media = { audio: true, video: true, screen: false }): CallMember {
  return { connectionId, joinedAt, media };
}

function setup(options: { remembered?: JoinChoice; answer?: (command: ClientCommand) => Result<RoomCommandResult> } = {}) {
  const sent: ClientCommand[] = [];
  const medias: FakeMedia[] = [];
  const meshes: FakeMesh[] = [];
  let remembered: JoinChoice | null = options.remembered ?? null;
  const controller = new CallController({
    self,
    send: async (command) => {
      sent.push(command);
      return options.answer?.(command) ?? { ok: true, seq: sent.length };
    },
    createMedia: () => {
      const media = new FakeMedia();
      medias.push(media);
      return media as unknown as LocalMedia;
    },
    createMesh: () => {
      const mesh = new FakeMesh();
      meshes.push(mesh);
      return mesh as unknown as CallMesh;
    },
    memory: { recall: () => remembered, remember: (choice) => void (remembered = choice) },
  });
  const stop = controller.start();
  const room = (members: Record<string, CallMember>, connected = true) => controller.setRoom({ observersMaySpeak: false, members } satisfies Call, connected);
  return { controller, stop, sent, medias, meshes, room, remembered: () => remembered };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("CallController", () => {
  it("joins with what the device check chose, then connects to the others and sends its tracks", async () => {
    const { controller, sent, meshes, medias, room } = setup();
    room({ [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z") });
    expect(sent).toEqual([]);
    await medias[0]!.open({ audio: true, video: false });
    controller.join({ audio: true, video: false });
    expect(sent).toEqual([{ type: "joinCall", connectionId: self.connectionId, media: { audio: true, video: false } }]);
    await settle();
    room({
      [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z"),
      [self.userId]: member(self.connectionId, "2026-01-01T10:01:00.000Z", { audio: true, video: false, screen: false }),
    });
    expect(controller.getSnapshot().phase).toBe("in");
    expect(meshes).toHaveLength(1);
    expect(meshes[0]!.started).toBe(true);
    expect(meshes[0]!.peerCalls.at(-1)).toEqual([peer]);
    expect(meshes[0]!.media.at(-1)).toMatchObject({ audio: { kind: "audio" }, camera: null, screen: null });
  });

  it("listens for the others' offers from the moment it joins, before its view shows it in the call", async () => {
    const { controller, meshes, room } = setup();
    room({ [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z") });
    controller.join({ audio: true, video: true });
    expect(meshes).toHaveLength(1);
    expect(meshes[0]!.started).toBe(true);
    expect(meshes[0]!.peerCalls).toEqual([]);
  });

  it("after a reload, rejoins by itself with the choice the tab joined with", async () => {
    const { sent, medias, room } = setup({ remembered: { audio: true, video: true } });
    expect(medias[0]!.opened).toEqual({ audio: true, video: true });
    room({}, false);
    expect(sent).toEqual([]);
    room({}, true);
    expect(sent).toEqual([{ type: "joinCall", connectionId: self.connectionId, media: { audio: true, video: true } }]);
  });

  it("after a dropped socket, joins again from the same tab on a fresh mesh once the room is back", async () => {
    const { sent, meshes, room } = setup({ remembered: { audio: true, video: true } });
    room({ [self.userId]: member(self.connectionId, "2026-01-01T10:00:00.000Z"), [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z") });
    await settle();
    expect(meshes).toHaveLength(1);
    const joins = sent.filter((command) => command.type === "joinCall").length;
    // The server recorded us gone (callLeft, disconnected) while the socket was down.
    room({ [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z") }, false);
    expect(meshes[0]!.closed).toBe(true);
    expect(sent.filter((command) => command.type === "joinCall")).toHaveLength(joins);
    room({ [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z") }, true);
    expect(sent.filter((command) => command.type === "joinCall")).toHaveLength(joins + 1);
    await settle();
    room({ [self.userId]: member(self.connectionId, "2026-01-01T10:05:00.000Z"), [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z") });
    expect(meshes).toHaveLength(2);
    expect(meshes[1]!.peerCalls.at(-1)).toEqual([peer]);
  });

  it("after a reconnect that kept the call (a server restart), joins again so the new connection speaks for the tab", async () => {
    const { sent, meshes, room } = setup({ remembered: { audio: true, video: true } });
    const inCall = { [self.userId]: member(self.connectionId, "2026-01-01T10:00:00.000Z") };
    room({}, true);
    await settle();
    room(inCall, true);
    await settle();
    const joins = () => sent.filter((command) => command.type === "joinCall").length;
    expect(joins()).toBe(1);
    room(inCall, false);
    room(inCall, true);
    expect(joins()).toBe(2);
    expect(meshes).toHaveLength(1);
    expect(meshes[0]!.closed).toBe(false);
  });

  it("gives the call up when another tab of the same member joins it later", async () => {
    const { controller, sent, meshes, medias, room, remembered } = setup({ remembered: { audio: true, video: true } });
    room({ [self.userId]: member(self.connectionId, "2026-01-01T10:00:00.000Z") });
    await settle();
    const before = sent.length;
    room({ [self.userId]: member("tab-other-0001", "2026-01-01T10:02:00.000Z") });
    expect(controller.getSnapshot()).toMatchObject({ phase: "moved", notice: "You joined the call in another tab, so it ended here." });
    expect(meshes[0]!.closed).toBe(true);
    expect(medias[0]!.closed).toBe(true);
    expect(controller.getSnapshot().media).toBe(medias[1]);
    expect(remembered()).toBeNull();
    expect(sent).toHaveLength(before);
  });

  it("takes the call over from an earlier tab's leftover entry when it joins", async () => {
    const { sent, room } = setup({ remembered: { audio: true, video: true } });
    room({ [self.userId]: member("tab-before-reload", "2026-01-01T09:00:00.000Z") });
    expect(sent).toEqual([{ type: "joinCall", connectionId: self.connectionId, media: { audio: true, video: true } }]);
  });

  it("tells the server what the devices send, and follows the server when it refuses (a silenced observer)", async () => {
    const refuseAudio = (command: ClientCommand): Result<RoomCommandResult> =>
      command.type === "setCallMedia" && command.audio
        ? { ok: false, code: "FORBIDDEN", message: "The interviewer has not let observers speak in this call." }
        : { ok: true, seq: 1 };
    const { controller, sent, medias, room } = setup({ remembered: { audio: true, video: false }, answer: refuseAudio });
    room({ [self.userId]: member(self.connectionId, "2026-01-01T10:00:00.000Z", { audio: false, video: false, screen: false }) });
    await settle();
    expect(sent.at(-1)).toEqual({ type: "setCallMedia", connectionId: self.connectionId, audio: true, video: false, screen: false });
    await settle();
    expect(medias[0]!.snapshot.audio).toBe(false);
    expect(controller.getSnapshot().notice).toBe("The interviewer has not let observers speak in this call.");
  });

  it("reconnects to a member who left and came back from the same tab", async () => {
    const { meshes, room } = setup({ remembered: { audio: true, video: true } });
    const me = member(self.connectionId, "2026-01-01T10:00:00.000Z");
    room({ [self.userId]: me, [peer.userId]: member(peer.connectionId, "2026-01-01T10:00:00.000Z") });
    room({ [self.userId]: me, [peer.userId]: member(peer.connectionId, "2026-01-01T10:03:00.000Z") });
    expect(meshes[0]!.peerCalls.slice(-2)).toEqual([[], [peer]]);
  });

  it("leaves the call but not the room, and lets go of the devices", async () => {
    const { controller, sent, meshes, medias, room, remembered } = setup({ remembered: { audio: true, video: true } });
    room({ [self.userId]: member(self.connectionId, "2026-01-01T10:00:00.000Z") });
    controller.leave();
    expect(sent.at(-1)).toEqual({ type: "leaveCall", connectionId: self.connectionId });
    expect(meshes[0]!.closed).toBe(true);
    expect(medias[0]!.closed).toBe(true);
    expect(controller.getSnapshot()).toMatchObject({ phase: "out", media: medias[1] });
    expect(remembered()).toBeNull();
    expect(sent.filter((command) => command.type !== "leaveCall").map((command) => command.type)).not.toContain("leaveRoom");
  });
});
