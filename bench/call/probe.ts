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
  }
}

/** Runs in the page (serialised by Playwright): everything it needs is inside it. */
export function installProbe(): void {
  const now = () => performance.timeOrigin + performance.now();
  const state: ProbeState = { clickAt: null, inCallAt: null, peers: [], frames: {} };
  window.__callProbe = state;
  const peerOfStream = new WeakMap<MediaStream, PeerRecord>();

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
      };
      window.__callProbe.peers.push(record);
      this.addEventListener("icecandidate", ({ candidate }) => {
        const type = candidate ? / typ (host|srflx|relay)/.exec(candidate.candidate)?.[1] : undefined;
        if (type === "host" || type === "srflx" || type === "relay") record[`${type}At`] ??= now();
      });
      this.addEventListener("signalingstatechange", () => {
        // Back to "stable" with both descriptions current: an offer was answered (a rollback leaves them null).
        if (this.signalingState === "stable" && this.currentRemoteDescription && this.currentLocalDescription) record.negotiatedAt ??= now();
      });
      this.addEventListener("iceconnectionstatechange", () => {
        if (this.iceConnectionState === "connected" || this.iceConnectionState === "completed") record.iceConnectedAt ??= now();
      });
      this.addEventListener("connectionstatechange", () => {
        if (this.connectionState === "connected") record.connectedAt ??= now();
      });
      this.addEventListener("track", ({ streams }) => {
        for (const stream of streams) peerOfStream.set(stream, record);
      });
    }
  }
  window.RTCPeerConnection = ProbedPeerConnection;

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
      const record = video.srcObject instanceof MediaStream ? peerOfStream.get(video.srcObject) : undefined;
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
