import type { CallMesh, PeerAddress, RemotePeer } from "@/components/call/call-mesh";
import type { LocalMedia, LocalMediaSnapshot } from "@/components/call/local-media";
import type { Call, CallMedia, ClientCommand } from "@/server/domain/room";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";

/** out: not in the call; joining: on the way in (or back in after a dropped socket); in; moved: another tab of ours took the call. */
export type CallPhase = "out" | "joining" | "in" | "moved";

/** What the call looks like from this tab; a new object whenever anything in it changes. */
export interface CallSnapshot {
  phase: CallPhase;
  /** This tab's camera, microphone and screen (null until started): a fresh one after each leave, since leaving releases the devices. */
  media: LocalMedia | null;
  /** The other members' tabs in the call, as the mesh receives them. */
  peers: readonly RemotePeer[];
  /** A sentence for the member: why joining or a change failed, or that the call moved to another tab. */
  notice: string | null;
}

/** What a member chose to join with, kept for the tab's life so a reload rejoins the same way. */
export interface JoinChoice {
  audio: boolean;
  video: boolean;
}

/** Where the choice is kept across reloads of this tab (sessionStorage in the browser). */
export interface CallMemory {
  recall(): JoinChoice | null;
  remember(choice: JoinChoice | null): void;
}

export interface CallControllerOptions {
  self: PeerAddress;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
  createMedia: () => LocalMedia;
  /** A new mesh for this tab; one per stay in the call. */
  createMesh: () => CallMesh;
  memory: CallMemory;
}

const MOVED = "You joined the call in another tab, so it ended here.";

function sameMedia(a: CallMedia, b: CallMedia): boolean {
  return a.audio === b.audio && a.video === b.video && a.screen === b.screen;
}

function mediaOf(snapshot: LocalMediaSnapshot): CallMedia {
  return { audio: snapshot.audio, video: snapshot.video, screen: snapshot.screen !== null };
}

/**
 * This tab's part in the room's call, outside React. The room's state says who is in the call and what
 * each sends (`setRoom`, on every view); the controller brings this tab in line with what the member wants:
 * it joins (and joins again after a dropped socket, or a reload, from `memory`), tells the server what the
 * devices send, keeps the mesh's peers to the members in the call, and gives up the call when another tab
 * of the same member takes it. One command is in flight at a time; the next `setRoom` goes on from there.
 */
export class CallController {
  private snapshot: CallSnapshot = { phase: "out", media: null, peers: [], notice: null };
  private readonly listeners = new Set<() => void>();
  private wanted: JoinChoice | null = null;
  private call: Call | null = null;
  private connected = false;
  /** When the server recorded this tab's join: a later join under our user, from another tab, took the call. */
  private joinedAt: string | null = null;
  private mesh: CallMesh | null = null;
  private stopMeshListener: (() => void) | null = null;
  private stopMediaListener: (() => void) | null = null;
  private peerJoinedAt = new Map<string, string>();
  private sentTracks: { audio: MediaStreamTrack | null; camera: MediaStreamTrack | null; screen: MediaStreamTrack | null } | null = null;
  private inFlight = false;
  /**
   * The last command sent, until the room's state next arrives: its acknowledgement may come before the
   * event it made, and the same command is not sent again on a view that cannot show it yet.
   */
  private lastSent: string | null = null;
  /**
   * Whether this tab's joinCall went through on the socket as it is now: the server takes signals for the
   * tab only from the connection that joined, so after a reconnect (a server restart keeps the call) the
   * tab joins again, which changes nothing in the room but binds the new connection.
   */
  private bound = false;
  /** The media the server last refused, not asked again until the member changes something. */
  private refusedMedia: CallMedia | null = null;
  private started = false;

  /** Builds nothing and touches no device: `start` does, in the browser. */
  constructor(private readonly options: CallControllerOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.snapshot;

  /** The room's call as this tab's view has it, and whether the room is joined now. */
  setRoom(call: Call | null, connected: boolean): void {
    this.call = call;
    this.lastSent = null;
    if (!connected) this.bound = false;
    this.connected = connected;
    this.reconcile();
  }

  /** Joins with what the device check chose (its devices are already open in `media`). */
  join = (choice: JoinChoice): void => {
    this.wanted = choice;
    this.options.memory.remember(choice);
    this.update({ phase: "joining", notice: null });
    this.reconcile();
  };

  /** Leaves the call (not the room) and lets go of the camera and microphone. */
  leave = (): void => {
    this.wanted = null;
    this.options.memory.remember(null);
    void this.options.send({ type: "leaveCall", connectionId: this.options.self.connectionId });
    this.endHere(null);
  };

  /**
   * Takes up the devices and, after a reload, the call this tab was in; returns how to stop, which lets go
   * of everything. Stopped, it may start again (React runs effects twice in development).
   */
  start(): () => void {
    this.started = true;
    this.useMedia(this.options.createMedia());
    this.wanted = this.options.memory.recall();
    if (this.wanted) this.openDevices(this.wanted);
    this.reconcile();
    return () => this.stop();
  }

  private stop(): void {
    this.started = false;
    this.bound = false;
    this.stopMesh();
    this.releaseMedia();
    this.joinedAt = null;
    this.update({ phase: "out", media: null, peers: [] });
  }

  private useMedia(media: LocalMedia): void {
    this.stopMediaListener = media.subscribe(this.onMedia);
    this.update({ media });
  }

  private releaseMedia(): void {
    this.stopMediaListener?.();
    this.stopMediaListener = null;
    this.snapshot.media?.close();
  }

  private openDevices(choice: JoinChoice): void {
    if (choice.audio || choice.video) void this.snapshot.media?.open(choice);
    this.update({ phase: "joining" });
  }

  private reconcile(): void {
    if (!this.started || !this.wanted || !this.call) return;
    const mine = this.call.members[this.options.self.userId];
    if (mine?.connectionId === this.options.self.connectionId) {
      this.joinedAt = mine.joinedAt;
      if (!this.bound && this.connected) this.sendOnce(this.joinCommand());
      this.inCall(mine.media);
      return;
    }
    if (mine && this.joinedAt && mine.joinedAt > this.joinedAt) return this.endHere(MOVED);
    // Not in the call any more (a dropped socket): the others have closed their side, so this one goes too.
    if (this.snapshot.phase === "in") this.stopMesh();
    if (this.snapshot.phase !== "joining") this.update({ phase: "joining" });
    if (!this.connected) return;
    // Listening before the join: the others' offers may arrive before this tab's view shows it in the call.
    this.ensureMesh();
    this.sendOnce(this.joinCommand());
  }

  private joinCommand(): ClientCommand {
    return { type: "joinCall", connectionId: this.options.self.connectionId, media: this.joinMedia() };
  }

  private joinMedia(): { audio: boolean; video: boolean } {
    const media = this.localMedia();
    // The devices may still be opening: join with what was chosen; the next change is sent as it comes.
    return { audio: media.audio || Boolean(this.wanted?.audio), video: media.video || Boolean(this.wanted?.video) };
  }

  private inCall(onServer: CallMedia): void {
    if (this.snapshot.phase !== "in") this.update({ phase: "in", notice: null });
    const mesh = this.ensureMesh();
    mesh.setPeers(this.peersNow());
    this.sendTracks(mesh);
    const wanted = this.localMedia();
    if (!sameMedia(wanted, onServer) && !(this.refusedMedia && sameMedia(this.refusedMedia, wanted))) {
      this.sendOnce({ type: "setCallMedia", connectionId: this.options.self.connectionId, ...wanted }, wanted);
    }
  }

  /**
   * The other members in the call. One who left and came back from the same tab (a dropped socket) is
   * left out once, so that the mesh closes the dead connection before it makes the new one.
   */
  private peersNow(): PeerAddress[] {
    const peers: PeerAddress[] = [];
    const rejoined: string[] = [];
    const seen = new Map<string, string>();
    for (const [userId, member] of Object.entries(this.call?.members ?? {})) {
      if (userId === this.options.self.userId) continue;
      const key = `${userId}:${member.connectionId}`;
      seen.set(key, member.joinedAt);
      const before = this.peerJoinedAt.get(key);
      if (before && before !== member.joinedAt) rejoined.push(key);
      peers.push({ userId, connectionId: member.connectionId });
    }
    this.peerJoinedAt = seen;
    if (rejoined.length > 0) this.mesh?.setPeers(peers.filter((peer) => !rejoined.includes(`${peer.userId}:${peer.connectionId}`)));
    return peers;
  }

  private ensureMesh(): CallMesh {
    if (this.mesh) return this.mesh;
    const mesh = this.options.createMesh();
    this.mesh = mesh;
    this.sentTracks = null;
    this.stopMeshListener = mesh.subscribe(() => this.update({ peers: mesh.getSnapshot().peers }));
    mesh.start();
    return mesh;
  }

  private localMedia(): CallMedia {
    const media = this.snapshot.media?.getSnapshot();
    return media ? mediaOf(media) : { audio: false, video: false, screen: false };
  }

  /** The devices' tracks to every peer, when one of them changed (a mute keeps its track, disabled). */
  private sendTracks(mesh: CallMesh): void {
    const media = this.snapshot.media?.getSnapshot();
    if (!media) return;
    const tracks = { audio: media.audioTrack, camera: media.videoTrack, screen: media.screen?.getVideoTracks()[0] ?? null };
    const sent = this.sentTracks;
    if (sent && sent.audio === tracks.audio && sent.camera === tracks.camera && sent.screen === tracks.screen) return;
    this.sentTracks = tracks;
    mesh.setLocalMedia(tracks);
  }

  private sendOnce(command: ClientCommand, media?: CallMedia): void {
    const key = JSON.stringify(command);
    if (this.inFlight || this.lastSent === key) return;
    this.inFlight = true;
    this.lastSent = key;
    void this.options.send(command).then((result) => {
      this.inFlight = false;
      if (result.ok) {
        this.refusedMedia = null;
        if (command.type === "joinCall") this.bound = true;
      } else {
        this.refused(command, result.message, media);
      }
      this.reconcile();
    });
  }

  private refused(command: ClientCommand, message: string, media: CallMedia | undefined): void {
    if (command.type === "joinCall") {
      // Not asked again by itself: the member decides (an observer the owner has not let speak joins without devices).
      this.wanted = null;
      this.options.memory.remember(null);
      this.update({ phase: "out", notice: message });
      return;
    }
    // The server keeps what a member may send (observers): the devices follow it, so nothing is sent that nobody may play.
    const onServer = this.call?.members[this.options.self.userId]?.media;
    const devices = this.snapshot.media;
    if (onServer && devices && !onServer.audio) void devices.setAudio(false);
    if (onServer && devices && !onServer.video) void devices.setVideo(false);
    if (onServer && devices && !onServer.screen) devices.stopScreenShare();
    this.refusedMedia = media ?? null;
    this.update({ notice: message });
  }

  private onMedia = (): void => {
    this.refusedMedia = null;
    this.reconcile();
    // Outside the call the device check reads the media itself; a change there needs no call update.
  };

  /** Stops this tab's part in the call and gives it a fresh set of devices for the next join. */
  private endHere(notice: string | null): void {
    this.wanted = null;
    this.bound = false;
    this.joinedAt = null;
    this.stopMesh();
    this.releaseMedia();
    if (notice) this.options.memory.remember(null);
    this.update({ phase: notice ? "moved" : "out", peers: [], notice });
    this.useMedia(this.options.createMedia());
  }

  private stopMesh(): void {
    this.stopMeshListener?.();
    this.stopMeshListener = null;
    this.mesh?.close();
    this.mesh = null;
    this.sentTracks = null;
    this.peerJoinedAt.clear();
    if (this.snapshot.peers.length > 0) this.update({ peers: [] });
  }

  private update(patch: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
