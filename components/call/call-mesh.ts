import { PeerLink, type RemotePeer } from "@/components/call/peer-link";
import { peerKey, type CallSignal, type IceConfig, type LocalMedia, type PeerAddress, type SignalTransport } from "@/components/call/call-types";

export type { RemotePeer } from "@/components/call/peer-link";
export type { CallQuality, QualityLevel } from "@/components/call/call-quality";
export type { CallSignal, IceConfig, LocalMedia, PeerAddress, SignalTransport } from "@/components/call/call-types";

/** What the call looks like from this tab; a new object whenever anything in it changes. */
export interface CallMeshSnapshot {
  /** One entry per remote tab given to `setPeers`, in that order (those waiting for the ICE servers are "new"). */
  peers: readonly RemotePeer[];
  /** Why the ICE servers could not be fetched (asked again with backoff); null once they were. */
  iceConfigError: string | null;
}

export interface CallMeshOptions {
  self: PeerAddress;
  transport: SignalTransport;
  /** `rtc.iceServers` for this session: asked at start and again before each `expiresAt`. */
  getIceConfig: () => Promise<IceConfig>;
  /** "relay" sends everything through TURN (the tests and the benchmark prove the relay with it). */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** A new RTCPeerConnection (the remote is said for tests and logs). */
  createPeerConnection: (configuration: RTCConfiguration, remote: PeerAddress) => RTCPeerConnection;
  /** An empty MediaStream: the mesh's own streams only carry the ids that tell camera from screen. */
  createMediaStream: () => MediaStream;
  /** Calls `listener` when the device comes back online (a network change): every connection restarts ICE. */
  onOnline: (listener: () => void) => () => void;
  /** Told of what went wrong and was survived (a refused signal, a failed negotiation step); nothing by default. */
  onError?: (error: unknown, context: string) => void;
}

/** How often each connection's getStats is read for the quality indicator. */
export const QUALITY_INTERVAL_MS = 2_000;
/** The ICE servers are asked again after this share of their lifetime, well before the TURN credential runs out. */
export const ICE_REFRESH_AT = 0.8;
const MIN_ICE_REFRESH_MS = 10_000;
/** Waits between failed fetches of the ICE servers: doubling from the first, up to the last. */
const ICE_RETRY_MS = { first: 1_000, max: 30_000 };
/** Signals from a tab not (yet) among the peers are kept this long, so an offer that outran the room's event is not lost. */
const EARLY_SIGNAL_TTL_MS = 30_000;
const EARLY_SIGNALS_PER_PEER = 100;
/** Tabs whose early signals are kept at once: a call has at most four others, so a peer churning tab ids cannot fill memory. */
const EARLY_SIGNAL_TABS = 8;

const NO_MEDIA: LocalMedia = { audio: null, camera: null, screen: null };

/**
 * The browser side of a call, outside React: one RTCPeerConnection per remote tab (a mesh), each negotiated
 * with perfect negotiation (`PeerLink`) over the injected signalling transport. `setPeers` says who is in
 * the call, `setLocalMedia` what this tab sends; the snapshot says what it receives and how well.
 * ICE servers are fetched at start and refreshed before their credential expires; a connection whose ICE
 * fails (at once) or stays disconnected (a few seconds) restarts ICE, and so do all of them when the device
 * comes back online.
 *
 * Make one per joining of the call and `close` it when leaving; a closed mesh stays closed.
 */
export class CallMesh {
  private snapshot: CallMeshSnapshot = { peers: [], iceConfigError: null };
  private readonly listeners = new Set<() => void>();
  private readonly links = new Map<string, PeerLink>();
  /** The peers last given to setPeers, by key, in order. */
  private wanted = new Map<string, PeerAddress>();
  private readonly earlySignals = new Map<string, { since: number; signals: CallSignal[] }>();
  private media: LocalMedia = NO_MEDIA;
  private iceServers: RTCIceServer[] | null = null;
  private localStreams: { camera: MediaStream; screen: MediaStream } | null = null;
  private started = false;
  private closed = false;
  private readonly stops: Array<() => void> = [];
  private iceTimer: ReturnType<typeof setTimeout> | undefined;
  private iceFailures = 0;

  constructor(private readonly options: CallMeshOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallMeshSnapshot => this.snapshot;

  /** Listens for signals and the network, fetches the ICE servers, then connects to the peers set so far. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.localStreams = { camera: this.options.createMediaStream(), screen: this.options.createMediaStream() };
    this.stops.push(this.options.transport.onSignal(this.onSignal));
    this.stops.push(this.options.onOnline(this.restartAll));
    const quality = setInterval(this.tick, QUALITY_INTERVAL_MS);
    this.stops.push(() => clearInterval(quality));
    void this.fetchIceConfig();
  }

  /** The remote tabs in the call now: a new one is connected, one no longer listed is closed. This tab is skipped. */
  setPeers(peers: readonly PeerAddress[]): void {
    if (this.closed) return;
    const selfKey = peerKey(this.options.self);
    this.wanted = new Map(peers.filter((peer) => peerKey(peer) !== selfKey).map((peer) => [peerKey(peer), { ...peer }]));
    for (const [key, link] of this.links) {
      if (this.wanted.has(key)) continue;
      link.close();
      this.links.delete(key);
    }
    this.connectWanted();
    this.publish();
  }

  /** What this tab sends from now on, to every peer. */
  setLocalMedia(media: LocalMedia): void {
    if (this.closed) return;
    this.media = { ...media };
    for (const link of this.links.values()) void link.setMedia(this.media);
  }

  /** Closes every connection and stops every timer and listener. The local tracks keep running: they are the owner's. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.iceTimer);
    for (const stop of this.stops.splice(0)) stop();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.earlySignals.clear();
    this.wanted = new Map();
    this.publish();
  }

  private configuration(): RTCConfiguration {
    // max-bundle: one transport (one TURN allocation) per peer, not one per media section.
    const configuration: RTCConfiguration = { iceServers: this.iceServers ?? [], bundlePolicy: "max-bundle" };
    if (this.options.iceTransportPolicy) configuration.iceTransportPolicy = this.options.iceTransportPolicy;
    return configuration;
  }

  private async fetchIceConfig(): Promise<void> {
    let config: IceConfig;
    try {
      config = await this.options.getIceConfig();
    } catch (error) {
      if (this.closed) return;
      this.options.onError?.(error, "fetching the ICE servers");
      const delay = Math.min(ICE_RETRY_MS.first * 2 ** this.iceFailures++, ICE_RETRY_MS.max);
      this.iceTimer = setTimeout(() => void this.fetchIceConfig(), delay);
      if (this.iceServers === null) this.update({ iceConfigError: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (this.closed) return;
    this.iceFailures = 0;
    const first = this.iceServers === null;
    this.iceServers = config.iceServers;
    const lifetimeMs = config.expiresAt.getTime() - Date.now();
    this.iceTimer = setTimeout(() => void this.fetchIceConfig(), Math.max(MIN_ICE_REFRESH_MS, lifetimeMs * ICE_REFRESH_AT));
    // The new credential is used from the next gathering on (an ICE restart); relays already allocated keep theirs.
    if (!first) for (const link of this.links.values()) link.setConfiguration(this.configuration());
    this.connectWanted();
    this.update({ iceConfigError: null });
  }

  /** Opens a connection to each wanted peer that has none, once the ICE servers are known. */
  private connectWanted(): void {
    const localStreams = this.localStreams;
    if (this.closed || this.iceServers === null || !localStreams) return;
    for (const [key, remote] of this.wanted) {
      if (this.links.has(key)) continue;
      const link = new PeerLink({
        self: this.options.self,
        remote,
        pc: this.options.createPeerConnection(this.configuration(), remote),
        localStreams,
        media: this.media,
        send: (signal) => this.options.transport.send(remote, signal),
        changed: this.publish,
        onError: (error, context) => this.options.onError?.(error, `${context} (peer ${key})`),
      });
      this.links.set(key, link);
      for (const signal of this.earlySignals.get(key)?.signals ?? []) link.receive(signal);
      this.earlySignals.delete(key);
    }
  }

  private onSignal = (from: PeerAddress, signal: CallSignal): void => {
    if (this.closed) return;
    const key = peerKey(from);
    const link = this.links.get(key);
    if (link) return link.receive(signal);
    this.keepEarlySignal(key, signal);
  };

  /**
   * A peer may hear of this tab joining, and offer, before this tab hears of it: its signals wait here for
   * `setPeers` (or the ICE servers) instead of being lost, which would leave its offer unanswered.
   */
  private keepEarlySignal(key: string, signal: CallSignal): void {
    const now = Date.now();
    for (const [other, kept] of this.earlySignals) if (now - kept.since > EARLY_SIGNAL_TTL_MS) this.earlySignals.delete(other);
    const kept = this.earlySignals.get(key) ?? { since: now, signals: [] };
    if (!this.earlySignals.has(key) && this.earlySignals.size >= EARLY_SIGNAL_TABS) return;
    if (kept.signals.length < EARLY_SIGNALS_PER_PEER) kept.signals.push(signal);
    this.earlySignals.set(key, kept);
  }

  private restartAll = (): void => {
    for (const link of this.links.values()) link.restartIce();
  };

  private tick = (): void => {
    const now = Date.now();
    for (const link of this.links.values()) {
      void link.sampleQuality();
      void link.retryUnansweredOffer(now);
    }
  };

  private update(patch: Partial<CallMeshSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private publish = (): void => {
    const peers = [...this.wanted].map(
      ([key, address]) => this.links.get(key)?.view() ?? { address, camera: null, screen: null, connectionState: "new" as const, quality: null },
    );
    this.update({ peers });
  };
}

/** The browser's own RTCPeerConnection, MediaStream and online event, for `CallMeshOptions`. */
export function browserMeshEnvironment(): Pick<CallMeshOptions, "createPeerConnection" | "createMediaStream" | "onOnline"> {
  return {
    createPeerConnection: (configuration) => new RTCPeerConnection(configuration),
    createMediaStream: () => new MediaStream(),
    onOnline: (listener) => {
      window.addEventListener("online", listener);
      return () => window.removeEventListener("online", listener);
    },
  };
}
