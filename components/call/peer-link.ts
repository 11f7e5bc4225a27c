// One RTCPeerConnection to one remote tab, negotiated with "perfect negotiation" (W3C webrtc-pc §10.7,
// MDN "Establishing a connection: The WebRTC perfect negotiation pattern"): either side may offer at any
// time; when both do at once, the impolite side ignores the other's offer and the polite side rolls its
// own back and answers. Which side is polite is decided by the pair's addresses, so the two agree.

import { readQuality, type CallQuality, type LossCounters } from "@/components/call/call-quality";
import { peerKey, type CallSignal, type LocalMedia, type PeerAddress } from "@/components/call/call-types";

/** A pc that stays "disconnected" this long is restarted: short drops mend by themselves, within a second or two. */
export const DISCONNECTED_GRACE_MS = 3_000;
/** An offer unanswered this long was lost (the relay refused it, the socket dropped): take it back and offer again. */
export const UNANSWERED_OFFER_MS = 10_000;
/**
 * A connection whose offer and answer are both set but whose ICE has not connected this long is restarted:
 * nothing fails in that case (a side that gathered no candidate stays "new"), so nothing else would.
 */
export const NOT_CONNECTED_MS = 8_000;

export interface PeerLinkOptions {
  self: PeerAddress;
  remote: PeerAddress;
  pc: RTCPeerConnection;
  /** This tab's MediaStreams, carriers of the ids the receiver tells camera from screen by (msid). */
  localStreams: { camera: MediaStream; screen: MediaStream };
  media: LocalMedia;
  send: (signal: CallSignal) => Promise<void>;
  /** Something the snapshot shows changed. */
  changed: () => void;
  onError: (error: unknown, context: string) => void;
}

/** What this tab receives from one remote tab. */
export interface RemotePeer {
  address: PeerAddress;
  /**
   * The peer's microphone and camera in one stream, so the browser keeps lips and voice in sync: play it in
   * one element (a <video> plays the sound even while its picture is hidden for "camera off"). null until
   * the peer's first description arrived.
   */
  camera: MediaStream | null;
  /** The peer's shared screen; null while they share none. */
  screen: MediaStream | null;
  connectionState: RTCPeerConnectionState;
  /** null until measured (the first sample comes two seconds after connecting). */
  quality: CallQuality | null;
}

/** This tab's three senders to one peer, made once: mute and camera toggles replace tracks, they never renegotiate. */
interface Senders {
  audio: RTCRtpTransceiver;
  camera: RTCRtpTransceiver;
  screen: RTCRtpTransceiver;
}

export class PeerLink {
  readonly polite: boolean;
  private makingOffer = false;
  private ignoreOffer = false;
  private closed = false;
  /** Signals are handled one after another, in the order they came. */
  private queue: Promise<void> = Promise.resolve();
  private readonly senders: Senders;
  private media: LocalMedia;
  private remoteStreamIds: { camera: string | null; screen: string | null } = { camera: null, screen: null };
  private readonly remoteStreams = new Map<string, MediaStream>();
  private quality: CallQuality | null = null;
  private counters: LossCounters | null = null;
  private sampling = false;
  private disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private notConnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private offeredAt: number | null = null;

  constructor(private readonly options: PeerLinkOptions) {
    const { pc, self, remote, localStreams, media } = options;
    this.polite = peerKey(self) < peerKey(remote);
    this.media = media;
    this.senders = {
      audio: pc.addTransceiver(media.audio ?? "audio", { direction: "sendonly", streams: [localStreams.camera] }),
      camera: pc.addTransceiver(media.camera ?? "video", { direction: "sendonly", streams: [localStreams.camera] }),
      // Inactive while nothing is shared, so the peer's receiver ends and its screen tile goes away.
      screen: pc.addTransceiver(media.screen ?? "video", { direction: media.screen ? "sendonly" : "inactive", streams: [localStreams.screen] }),
    };
    pc.addEventListener("negotiationneeded", this.onNegotiationNeeded);
    pc.addEventListener("icecandidate", this.onIceCandidate);
    pc.addEventListener("track", this.onTrack);
    pc.addEventListener("iceconnectionstatechange", this.onIceConnectionState);
    pc.addEventListener("connectionstatechange", this.options.changed);
    pc.addEventListener("signalingstatechange", this.onSignalingState);
  }

  get address(): PeerAddress {
    return this.options.remote;
  }

  view(): RemotePeer {
    const stream = (id: string | null) => (id === null ? null : (this.remoteStreams.get(id) ?? null));
    return {
      address: this.options.remote,
      camera: stream(this.remoteStreamIds.camera),
      screen: stream(this.remoteStreamIds.screen),
      connectionState: this.options.pc.connectionState,
      quality: this.quality,
    };
  }

  /** Takes a signal from the peer; it is handled after those before it. */
  receive(signal: CallSignal): void {
    this.queue = this.queue.then(() => this.handle(signal)).catch((error) => this.fail(error, `handling a ${signal.kind}`));
  }

  /** Sends the new tracks on the existing senders; only starting or stopping a screen share renegotiates. */
  async setMedia(media: LocalMedia): Promise<void> {
    const wasSharing = this.media.screen !== null;
    this.media = media;
    const { audio, camera, screen } = this.senders;
    const replacing = [audio.sender.replaceTrack(media.audio), camera.sender.replaceTrack(media.camera)];
    if (media.screen && !wasSharing) {
      replacing.push(screen.sender.replaceTrack(media.screen));
      screen.direction = "sendonly";
    } else if (!media.screen && wasSharing) {
      screen.direction = "inactive";
      replacing.push(screen.sender.replaceTrack(null));
    } else {
      replacing.push(screen.sender.replaceTrack(media.screen));
    }
    const results = await Promise.allSettled(replacing);
    for (const result of results) if (result.status === "rejected") this.fail(result.reason, "replacing a track");
  }

  restartIce(): void {
    if (!this.closed) this.options.pc.restartIce();
  }

  setConfiguration(configuration: RTCConfiguration): void {
    if (this.closed) return;
    try {
      this.options.pc.setConfiguration(configuration);
    } catch (error) {
      this.fail(error, "setting the ICE configuration");
    }
  }

  /** Reads getStats into the quality; a sample still under way is not doubled. */
  async sampleQuality(): Promise<void> {
    if (this.closed || this.sampling) return;
    this.sampling = true;
    try {
      const { quality, counters } = readQuality(await this.options.pc.getStats(), this.counters);
      this.counters = counters;
      if (this.closed) return;
      this.quality = quality;
      this.options.changed();
    } catch (error) {
      this.fail(error, "reading statistics");
    } finally {
      this.sampling = false;
    }
  }

  /** Takes back an offer that got no answer for too long and offers again, with fresh ICE. */
  async retryUnansweredOffer(now: number): Promise<void> {
    const { pc } = this.options;
    if (this.closed || pc.signalingState !== "have-local-offer" || this.offeredAt === null || now - this.offeredAt < UNANSWERED_OFFER_MS) return;
    this.offeredAt = null;
    try {
      await pc.setLocalDescription({ type: "rollback" });
      pc.restartIce();
    } catch (error) {
      this.fail(error, "taking back an unanswered offer");
    }
  }

  /** Ends the connection. The local tracks keep running: they are the owner's. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.disconnectedTimer);
    clearTimeout(this.notConnectedTimer);
    const { pc } = this.options;
    pc.removeEventListener("negotiationneeded", this.onNegotiationNeeded);
    pc.removeEventListener("icecandidate", this.onIceCandidate);
    pc.removeEventListener("track", this.onTrack);
    pc.removeEventListener("iceconnectionstatechange", this.onIceConnectionState);
    pc.removeEventListener("connectionstatechange", this.options.changed);
    pc.removeEventListener("signalingstatechange", this.onSignalingState);
    pc.close();
  }

  private async handle(signal: CallSignal): Promise<void> {
    if (this.closed) return;
    const { pc } = this.options;
    if (signal.kind === "candidate") {
      // End of candidates is optional, and browsers do without it.
      if (signal.candidate === null) return;
      try {
        await pc.addIceCandidate(signal.candidate);
      } catch (error) {
        // The candidates of an offer this side ignored cannot be added, and need not be.
        if (!this.ignoreOffer) throw error;
      }
      return;
    }
    const { description } = signal;
    // Signals are handled one at a time, so a remote answer is never half set when an offer comes (the
    // spec's isSettingRemoteAnswerPending): "stable" and not making an offer is ready.
    const offerCollision = description.type === "offer" && (this.makingOffer || pc.signalingState !== "stable");
    this.ignoreOffer = !this.polite && offerCollision;
    if (this.ignoreOffer) return;
    // Before the description: its tracks arrive while it is set, and are told apart by these ids.
    this.remoteStreamIds = signal.streams;
    await pc.setRemoteDescription(description); // on a collision, the polite side's offer is rolled back here
    this.options.changed();
    if (description.type !== "offer") return;
    await pc.setLocalDescription();
    this.sendDescription();
  }

  private sendDescription(): void {
    const description = this.options.pc.localDescription;
    if (this.closed || !description || (description.type !== "offer" && description.type !== "answer")) return;
    const streams = { camera: this.options.localStreams.camera.id, screen: this.media.screen ? this.options.localStreams.screen.id : null };
    this.options
      .send({ kind: "description", description: { type: description.type, sdp: description.sdp }, streams })
      .catch((error) => this.fail(error, "sending a description"));
  }

  private onNegotiationNeeded = async (): Promise<void> => {
    // Both sides add their senders at once, so both want to offer first. Perfect negotiation settles two
    // crossing offers by the polite side rolling its own back, but Chromium then gathers no ICE candidate
    // for that side and the connection stays "new" for good (bench/call.ts saw 11 of 120). So the polite
    // side lets the other offer first: once that offer is answered the connection is stable again, the
    // browser asks for negotiation again, and the polite side offers its own senders then.
    if (this.polite && !this.options.pc.remoteDescription) return;
    try {
      this.makingOffer = true;
      await this.options.pc.setLocalDescription();
      this.sendDescription();
    } catch (error) {
      this.fail(error, "making an offer");
    } finally {
      this.makingOffer = false;
    }
  };

  private onIceCandidate = ({ candidate }: RTCPeerConnectionIceEvent): void => {
    if (this.closed || !candidate) return;
    const { sdpMid, sdpMLineIndex, usernameFragment } = candidate;
    this.options
      .send({ kind: "candidate", candidate: { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment } })
      .catch((error) => this.fail(error, "sending a candidate"));
  };

  private onTrack = ({ streams }: RTCTrackEvent): void => {
    for (const stream of streams) this.remoteStreams.set(stream.id, stream);
    this.options.changed();
  };

  /** "failed" is restarted at once; "disconnected" often mends by itself, so it gets a few seconds first. */
  private onIceConnectionState = (): void => {
    const { pc } = this.options;
    clearTimeout(this.disconnectedTimer);
    if (isConnected(pc.iceConnectionState)) clearTimeout(this.notConnectedTimer);
    if (pc.iceConnectionState === "failed") pc.restartIce();
    if (pc.iceConnectionState === "disconnected") {
      this.disconnectedTimer = setTimeout(() => {
        if (!this.closed && pc.iceConnectionState === "disconnected") pc.restartIce();
      }, DISCONNECTED_GRACE_MS);
    }
    this.options.changed();
  };

  private onSignalingState = (): void => {
    const { pc } = this.options;
    this.offeredAt = pc.signalingState === "have-local-offer" ? Date.now() : null;
    if (pc.signalingState === "stable" && pc.remoteDescription && !isConnected(pc.iceConnectionState)) this.watchForNoConnection();
  };

  private watchForNoConnection(): void {
    clearTimeout(this.notConnectedTimer);
    this.notConnectedTimer = setTimeout(() => {
      const { pc } = this.options;
      if (!this.closed && !isConnected(pc.iceConnectionState)) pc.restartIce();
    }, NOT_CONNECTED_MS);
  }

  private fail(error: unknown, context: string): void {
    if (!this.closed) this.options.onError(error, context);
  }
}

function isConnected(state: RTCIceConnectionState): boolean {
  return state === "connected" || state === "completed";
}
