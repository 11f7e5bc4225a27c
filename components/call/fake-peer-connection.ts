// Tests only: an in-memory RTCPeerConnection that follows the offer/answer state machine of the spec
// closely enough to test negotiation logic in Node: an operations chain, implicit and explicit rollback,
// negotiationneeded when a transceiver is new or its direction changed or ICE must restart, mids,
// directions, msid-labelled remote streams and track events, ICE credentials per generation. Its "SDP" is
// JSON. ICE "connects" once both descriptions are set and a candidate of the remote's current generation
// was added; `simulateIce` plays a network failing.

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export class FakeTrack {
  readonly id = nextId("track");
  readyState: "live" | "ended" = "live";
  constructor(readonly kind: "audio" | "video") {}
  stop(): void {
    this.readyState = "ended";
  }
}

export class FakeMediaStream {
  private readonly tracks: FakeTrack[] = [];
  constructor(readonly id: string = nextId("stream")) {}
  getTracks = () => [...this.tracks];
  getAudioTracks = () => this.tracks.filter((track) => track.kind === "audio");
  getVideoTracks = () => this.tracks.filter((track) => track.kind === "video");
  addTrack = (track: FakeTrack) => void (this.tracks.includes(track) || this.tracks.push(track));
  removeTrack = (track: FakeTrack) => void this.tracks.splice(this.tracks.indexOf(track) >>> 0, 1);
}

type Direction = RTCRtpTransceiverDirection;
interface Section {
  mid: string;
  kind: "audio" | "video";
  direction: Direction;
  msid: string | null;
}
interface FakeSdp {
  ufrag: string;
  sections: Section[];
}

const sends = (direction: Direction) => direction === "sendrecv" || direction === "sendonly";
const receives = (direction: Direction) => direction === "sendrecv" || direction === "recvonly";
function directionOf(send: boolean, receive: boolean): Direction {
  if (send) return receive ? "sendrecv" : "sendonly";
  return receive ? "recvonly" : "inactive";
}
const reversed = (direction: Direction) => directionOf(receives(direction), sends(direction));
const stateError = (message: string) => new DOMException(message, "InvalidStateError");

class FakeSender {
  replaceTrackCalls = 0;
  constructor(public track: FakeTrack | null) {}
  replaceTrack(track: FakeTrack | null): Promise<void> {
    this.replaceTrackCalls++;
    this.track = track;
    return Promise.resolve();
  }
}

export class FakeTransceiver {
  mid: string | null = null;
  currentDirection: Direction | null = null;
  /** The direction this transceiver had when the last local description was made from it. */
  negotiatedWith: Direction | null = null;
  receiving = false;
  stopped = false;
  readonly sender: FakeSender;
  readonly receiver: { track: FakeTrack };
  private wanted: Direction;

  constructor(
    private readonly pc: FakePeerConnection,
    readonly kind: "audio" | "video",
    track: FakeTrack | null,
    direction: Direction,
    readonly msid: string | null,
    readonly createdByRemote: boolean,
  ) {
    this.sender = new FakeSender(track);
    this.receiver = { track: new FakeTrack(kind) };
    this.wanted = direction;
  }

  get direction(): Direction {
    return this.wanted;
  }

  set direction(direction: Direction) {
    this.wanted = direction;
    this.pc.checkNegotiationSoon();
  }
}

/** What an offer changed, to put back on rollback. */
interface OfferBackup {
  mids: Array<[FakeTransceiver, string | null, Direction | null]>;
  localDescription: RTCSessionDescriptionInit | null;
  localUfrag: string | null;
}

export class FakePeerConnection extends EventTarget {
  signalingState: RTCSignalingState = "stable";
  iceConnectionState: RTCIceConnectionState = "new";
  connectionState: RTCPeerConnectionState = "new";
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  readonly setConfigurationCalls: RTCConfiguration[] = [];
  restartIceCalls = 0;
  offersMade = 0;
  closed = false;
  /** What getStats answers; tests fill it. */
  stats = new Map<string, Record<string, unknown>>();
  getStatsCalls = 0;

  private readonly transceivers: FakeTransceiver[] = [];
  private readonly remoteStreams = new Map<string, FakeMediaStream>();
  private chain: Promise<void> = Promise.resolve();
  private pendingOperations = 0;
  private negotiationCheckQueued = false;
  private restartPending = false;
  private localUfrag: string | null = null;
  private gatheredUfrag: string | null = null;
  private remoteUfrag: string | null = null;
  private readonly remoteCandidateUfrags = new Set<string>();
  private connectedWith: string | null = null;
  private offerBackup: OfferBackup | null = null;
  private remoteOfferBackup: { created: FakeTransceiver[]; remoteDescription: RTCSessionDescriptionInit | null; remoteUfrag: string | null } | null = null;

  constructor(public configuration: RTCConfiguration) {
    super();
  }

  getConfiguration(): RTCConfiguration {
    return this.configuration;
  }

  setConfiguration(configuration: RTCConfiguration): void {
    if (this.closed) throw stateError("closed");
    this.configuration = configuration;
    this.setConfigurationCalls.push(configuration);
  }

  getTransceivers(): FakeTransceiver[] {
    return [...this.transceivers];
  }

  addTransceiver(trackOrKind: FakeTrack | "audio" | "video", init: { direction?: Direction; streams?: Array<{ id: string }> } = {}): FakeTransceiver {
    if (this.closed) throw stateError("closed");
    const track = typeof trackOrKind === "string" ? null : trackOrKind;
    const kind = typeof trackOrKind === "string" ? trackOrKind : trackOrKind.kind;
    const transceiver = new FakeTransceiver(this, kind, track, init.direction ?? "sendrecv", init.streams?.[0]?.id ?? null, false);
    this.transceivers.push(transceiver);
    this.checkNegotiationSoon();
    return transceiver;
  }

  restartIce(): void {
    this.restartIceCalls++;
    this.restartPending = true;
    this.checkNegotiationSoon();
  }

  setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    return this.operation(() => {
      if (description?.type === "rollback") return this.rollbackLocal();
      if (description?.type) throw new Error("the fake makes its own descriptions: call setLocalDescription()");
      if (this.signalingState === "have-remote-offer") return this.answer();
      this.offer();
    });
  }

  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    return this.operation(() => {
      if (description.type === "rollback") return this.rollbackRemote();
      if (description.type === "answer") return this.applyAnswer(description);
      if (description.type !== "offer") throw new Error(`the fake does not do ${description.type}`);
      if (this.signalingState === "have-local-offer") this.rollbackLocal(); // implicit rollback
      if (this.signalingState !== "stable") throw stateError(`an offer in ${this.signalingState}`);
      this.applyOffer(description);
    });
  }

  addIceCandidate(candidate?: RTCIceCandidateInit | null): Promise<void> {
    return this.operation(() => {
      if (!this.remoteDescription) throw stateError("no remote description");
      if (!candidate?.candidate) return;
      const ufrag = candidate.usernameFragment;
      if (!ufrag || ufrag !== this.remoteUfrag) throw new DOMException("unknown ufrag", "OperationError");
      this.remoteCandidateUfrags.add(ufrag);
    });
  }

  getStats(): Promise<Map<string, Record<string, unknown>>> {
    if (this.closed) return Promise.reject(stateError("closed"));
    this.getStatsCalls++;
    return Promise.resolve(new Map(this.stats));
  }

  close(): void {
    this.closed = true;
    this.signalingState = "closed";
    this.connectionState = "closed";
    this.iceConnectionState = "closed";
    for (const transceiver of this.transceivers) transceiver.stopped = true;
  }

  /** The network: ICE goes "disconnected", "failed" or back to "connected" on this side. */
  simulateIce(state: "connected" | "disconnected" | "failed"): void {
    if (state !== "connected") this.connectedWith = null;
    this.setIceState(state);
  }

  checkNegotiationSoon(): void {
    if (this.negotiationCheckQueued) return;
    this.negotiationCheckQueued = true;
    queueMicrotask(() => {
      this.negotiationCheckQueued = false;
      if (this.pendingOperations === 0 && this.negotiationNeeded()) this.dispatchEvent(new Event("negotiationneeded"));
    });
  }

  private negotiationNeeded(): boolean {
    if (this.closed || this.signalingState !== "stable") return false;
    return this.restartPending || this.transceivers.some((t) => !t.stopped && (t.mid === null || t.negotiatedWith !== t.direction));
  }

  /** Runs `step` after the operations before it, as the spec's operations chain does. */
  private operation(step: () => void): Promise<void> {
    if (this.closed) return Promise.reject(stateError("closed"));
    this.pendingOperations++;
    const result = this.chain.then(() => {
      if (this.closed) throw stateError("closed");
      step();
    });
    this.chain = result
      .catch(() => undefined)
      .then(() => {
        this.pendingOperations--;
        this.maybeConnect();
        if (this.pendingOperations === 0) this.checkNegotiationSoon();
      });
    return result;
  }

  private setSignalingState(state: RTCSignalingState): void {
    this.signalingState = state;
    this.dispatchEvent(new Event("signalingstatechange"));
  }

  private nextMid(): string {
    const used = this.transceivers.map((t) => Number(t.mid)).filter((mid) => Number.isFinite(mid));
    return String(used.length === 0 ? 0 : Math.max(...used) + 1);
  }

  private offer(): void {
    this.offerBackup = {
      mids: this.transceivers.map((t) => [t, t.mid, t.negotiatedWith]),
      localDescription: this.localDescription,
      localUfrag: this.localUfrag,
    };
    for (const t of this.transceivers) if (!t.stopped && t.mid === null) t.mid = this.nextMid();
    if (this.restartPending || this.localUfrag === null) this.localUfrag = nextId("ufrag");
    const sections = this.transceivers
      .filter((t) => !t.stopped && t.mid !== null)
      .map((t) => ({ mid: t.mid!, kind: t.kind, direction: t.direction, msid: t.msid }));
    for (const t of this.transceivers) t.negotiatedWith = t.direction;
    this.localDescription = { type: "offer", sdp: JSON.stringify({ ufrag: this.localUfrag, sections } satisfies FakeSdp) };
    this.offersMade++;
    this.setSignalingState("have-local-offer");
    this.gather();
  }

  private answer(): void {
    const remote = JSON.parse(this.remoteDescription!.sdp!) as FakeSdp;
    if (this.localUfrag === null) this.localUfrag = nextId("ufrag");
    const sections = remote.sections.map((section) => {
      const t = this.byMid(section.mid)!;
      const direction = directionOf(sends(t.direction) && receives(section.direction), receives(t.direction) && sends(section.direction));
      t.negotiatedWith = t.direction;
      t.currentDirection = direction;
      return { mid: section.mid, kind: section.kind, direction, msid: t.msid };
    });
    this.localDescription = { type: "answer", sdp: JSON.stringify({ ufrag: this.localUfrag, sections } satisfies FakeSdp) };
    this.remoteOfferBackup = null;
    this.setSignalingState("stable");
    this.gather();
  }

  private applyOffer(description: RTCSessionDescriptionInit): void {
    const remote = JSON.parse(description.sdp!) as FakeSdp;
    const created: FakeTransceiver[] = [];
    this.remoteOfferBackup = { created, remoteDescription: this.remoteDescription, remoteUfrag: this.remoteUfrag };
    // The remote restarted ICE: this side answers with credentials of its own new generation.
    if (this.remoteUfrag !== null && remote.ufrag !== this.remoteUfrag) this.localUfrag = null;
    for (const section of remote.sections) {
      let t = this.byMid(section.mid);
      if (!t) {
        t = new FakeTransceiver(this, section.kind, null, "recvonly", null, true);
        t.mid = section.mid;
        this.transceivers.push(t);
        created.push(t);
      }
      this.receive(t, section);
    }
    this.remoteDescription = description;
    this.remoteUfrag = remote.ufrag;
    this.setSignalingState("have-remote-offer");
  }

  private applyAnswer(description: RTCSessionDescriptionInit): void {
    if (this.signalingState !== "have-local-offer") throw stateError(`an answer in ${this.signalingState}`);
    const remote = JSON.parse(description.sdp!) as FakeSdp;
    for (const section of remote.sections) {
      const t = this.byMid(section.mid);
      if (!t) throw new DOMException(`no transceiver for mid ${section.mid}`, "OperationError");
      t.currentDirection = reversed(section.direction);
      this.receive(t, section);
    }
    this.remoteDescription = description;
    this.remoteUfrag = remote.ufrag;
    this.restartPending = false;
    this.offerBackup = null;
    this.setSignalingState("stable");
  }

  private rollbackLocal(): void {
    if (this.signalingState !== "have-local-offer" || !this.offerBackup) throw stateError(`rollback in ${this.signalingState}`);
    for (const [t, mid, negotiatedWith] of this.offerBackup.mids) [t.mid, t.negotiatedWith] = [mid, negotiatedWith];
    this.localDescription = this.offerBackup.localDescription;
    this.localUfrag = this.offerBackup.localUfrag;
    this.offerBackup = null;
    this.setSignalingState("stable");
  }

  private rollbackRemote(): void {
    if (this.signalingState !== "have-remote-offer" || !this.remoteOfferBackup) throw stateError(`rollback in ${this.signalingState}`);
    for (const t of this.remoteOfferBackup.created) this.transceivers.splice(this.transceivers.indexOf(t), 1);
    this.remoteDescription = this.remoteOfferBackup.remoteDescription;
    this.remoteUfrag = this.remoteOfferBackup.remoteUfrag;
    this.remoteOfferBackup = null;
    this.setSignalingState("stable");
  }

  /** A section the remote sends on adds its track to the stream its msid names; one it stopped sending on removes it. */
  private receive(t: FakeTransceiver, section: Section): void {
    const receiving = sends(section.direction);
    const stream = section.msid ? (this.remoteStreams.get(section.msid) ?? new FakeMediaStream(section.msid)) : null;
    if (stream) this.remoteStreams.set(stream.id, stream);
    if (receiving && !t.receiving) {
      stream?.addTrack(t.receiver.track);
      const event = Object.assign(new Event("track"), { track: t.receiver.track, streams: stream ? [stream] : [], transceiver: t, receiver: t.receiver });
      this.dispatchEvent(event);
    }
    if (!receiving && t.receiving) stream?.removeTrack(t.receiver.track);
    t.receiving = receiving;
  }

  private byMid(mid: string): FakeTransceiver | undefined {
    return this.transceivers.find((t) => t.mid === mid && !t.stopped);
  }

  /** One candidate per ICE generation, a moment after the description that started it (gathering takes time). */
  private gather(): void {
    const ufrag = this.localUfrag;
    if (ufrag === null || ufrag === this.gatheredUfrag) return;
    this.gatheredUfrag = ufrag;
    const type = this.configuration.iceTransportPolicy === "relay" ? "relay" : "host";
    setTimeout(() => {
      if (this.closed || this.localUfrag !== ufrag) return;
      const candidate = { candidate: `candidate:1 1 udp 1 192.0.2.1 5000 typ ${type} ufrag ${ufrag}`, sdpMid: "0", sdpMLineIndex: 0, usernameFragment: ufrag };
      this.dispatchEvent(Object.assign(new Event("icecandidate"), { candidate }));
      this.dispatchEvent(Object.assign(new Event("icecandidate"), { candidate: null }));
    }, 1);
  }

  private maybeConnect(): void {
    if (this.closed || this.signalingState !== "stable" || !this.localDescription || !this.remoteUfrag) return;
    if (!this.remoteCandidateUfrags.has(this.remoteUfrag)) return;
    const pair = `${this.localUfrag}/${this.remoteUfrag}`;
    if (pair === this.connectedWith) return;
    this.connectedWith = pair;
    this.setIceState("connected");
  }

  private setIceState(state: "connected" | "disconnected" | "failed"): void {
    this.iceConnectionState = state;
    this.connectionState = state;
    this.dispatchEvent(new Event("iceconnectionstatechange"));
    this.dispatchEvent(new Event("connectionstatechange"));
  }
}
