// What the benchmark reads inside each page, installed before the app's code runs (Playwright's
// addInitScript). It watches and changes nothing the app does: the "Join call" click's time, when the tab is
// in the call, each RTCPeerConnection's milestones (created, first host/relay candidate, first offer and
// answer exchanged, ICE and DTLS connected) and the first frame of each remote tile's video
// (requestVideoFrameCallback: when its packets were received, and when it was decoded and shown).
// Times are epoch milliseconds (performance.timeOrigin + the page's clock), comparable between the pages.

export interface PeerRecord {
  /** The remote member whose tile showed this connection's video first (set with firstFrameAt). */
  userId: string | null;
  createdAt: number;
  hostAt: number | null;
  srflxAt: number | null;
  relayAt: number | null;
  /** The first offer and answer exchanged: signalling back to "stable". */
  negotiatedAt: number | null;
  iceConnectedAt: number | null;
  connectedAt: number | null;
  /** The last packet of the first frame shown arrived (rVFC's receiveTime). */
  frameReceivedAt: number | null;
  /** The first frame was decoded and handed to the compositor (rVFC's presentationTime). */
  firstFrameAt: number | null;
  /** Each state change, "+ms kind:state" from createdAt: what a connection that never connected went through. */
  changes: string[];
}

export interface ProbeState {
  clickAt: number | null;
  inCallAt: number | null;
  peers: PeerRecord[];
  /** First decoded frame of each remote member's camera tile, by user id. */
  frames: Record<string, number>;
}

declare global {
  interface Window {
    __callProbe: ProbeState;
    /** Which connection each received stream came by, for the first frame's milestones. */
    __callProbeStreams: WeakMap<MediaStream, PeerRecord>;
  }
}

/** The probe's state. Runs in the page (serialised by Playwright), like every function here: everything it needs is inside it. */
export function installProbe(): void {
  window.__callProbe = { clickAt: null, inCallAt: null, peers: [], frames: {} };
  window.__callProbeStreams = new WeakMap();
}

/**
 * Records each RTCPeerConnection's milestones: the app's `new RTCPeerConnection` makes this subclass, which
 * only listens to the connection's own events.
 */
export function probePeerConnections(): void {
  const now = () => performance.timeOrigin + performance.now();
  const peerOfStream = window.__callProbeStreams;
  const Native = window.RTCPeerConnection;
  class ProbedPeerConnection extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      const record: PeerRecord = {
        userId: null,
        createdAt: now(),
        hostAt: null,
        srflxAt: null,
        relayAt: null,
        negotiatedAt: null,
        iceConnectedAt: null,
        connectedAt: null,
        frameReceivedAt: null,
        firstFrameAt: null,
        changes: [],
      };
      window.__callProbe.peers.push(record);
      const change = (kind: string, state: string) => record.changes.push(`+${Math.round(now() - record.createdAt)} ${kind}:${state}`);
      this.addEventListener("icecandidate", ({ candidate }) => {
        const type = candidate ? / typ (host|srflx|relay)/.exec(candidate.candidate)?.[1] : undefined;
        if (type === "host" || type === "srflx" || type === "relay") record[`${type}At`] ??= now();
        change("candidate", type ?? "end");
      });
      this.addEventListener("icegatheringstatechange", () => change("gathering", this.iceGatheringState));
      // A STUN or TURN server's refusal (a relay not allocated), with its code.
      this.addEventListener("icecandidateerror", (event) => change("candidate error", `${event.errorCode} ${event.errorText} ${event.url}`));
      this.addEventListener("signalingstatechange", () => {
        change("signaling", this.signalingState);
        // Back to "stable" with both descriptions current: an offer was answered (a rollback leaves them null).
        if (this.signalingState === "stable" && this.currentRemoteDescription && this.currentLocalDescription) record.negotiatedAt ??= now();
      });
      this.addEventListener("iceconnectionstatechange", () => {
        change("ice", this.iceConnectionState);
        if (this.iceConnectionState === "connected" || this.iceConnectionState === "completed") record.iceConnectedAt ??= now();
      });
      this.addEventListener("connectionstatechange", () => {
        change("connection", this.connectionState);
        if (this.connectionState === "connected") record.connectedAt ??= now();
      });
      this.addEventListener("track", ({ streams }) => {
        for (const stream of streams) peerOfStream.set(stream, record);
      });
    }
  }
  window.RTCPeerConnection = ProbedPeerConnection;
}

/** Records the "Join call" click, the tab's entry into the call and each remote camera's first frame (runs in the page, after installProbe). */
export function watchJoin(): void {
  const now = () => performance.timeOrigin + performance.now();
  document.addEventListener(
    "click",
    (event) => {
      const button = event.target instanceof Element ? event.target.closest("button") : null;
      if (button?.closest('[data-testid="device-check"]') && button.textContent?.trim() === "Join call") {
        window.__callProbe.clickAt = performance.timeOrigin + event.timeStamp;
      }
    },
    true,
  );

  const watched = new WeakSet<HTMLVideoElement>();
  const watch = (video: HTMLVideoElement, userId: string) => {
    watched.add(video);
    video.requestVideoFrameCallback((_, frame) => {
      const frameAt = performance.timeOrigin + frame.presentationTime;
      window.__callProbe.frames[userId] ??= frameAt;
      const record = video.srcObject instanceof MediaStream ? window.__callProbeStreams.get(video.srcObject) : undefined;
      const frameReceivedAt = frame.receiveTime === undefined ? null : performance.timeOrigin + frame.receiveTime;
      if (record && record.firstFrameAt === null) Object.assign(record, { firstFrameAt: frameAt, frameReceivedAt, userId });
    });
  };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="call"][data-phase="in"]')) window.__callProbe.inCallAt ??= now();
    for (const video of document.querySelectorAll<HTMLVideoElement>('[data-testid="call-tile"]:not([data-self]) video')) {
      const userId = video.closest("[data-user]")?.getAttribute("data-user");
      if (userId && !watched.has(video)) watch(video, userId);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-phase"] });
}

/** Forgets the last run (runs in the page). */
export function resetProbe(): void {
  Object.assign(window.__callProbe, { clickAt: null, inCallAt: null, peers: [], frames: {} });
}

export interface TileState {
  userId: string;
  readyState: number;
  framesDecoded: number;
  /** The tile's stream has a live video track, and whether it is muted (no media arriving). */
  track: "none" | "live" | "muted" | "ended";
  /** The tile's connection as the app shows it ("Connecting…" until connected). */
  connecting: boolean;
}

/** Each remote tile's video as it is now (runs in the page): why a first frame was not seen. */
export function tileStates(): TileState[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="call-tile"]:not([data-self])')].map((tile) => {
    const video = tile.querySelector("video");
    const stream = video?.srcObject instanceof MediaStream ? video.srcObject : null;
    const videoTrack = stream?.getVideoTracks()[0];
    const track = !videoTrack ? "none" : videoTrack.readyState === "ended" ? "ended" : videoTrack.muted ? "muted" : "live";
    return {
      userId: tile.getAttribute("data-user") ?? "",
      readyState: video?.readyState ?? -1,
      framesDecoded: video?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
      track,
      connecting: tile.textContent?.includes("Connecting…") ?? false,
    };
  });
}
