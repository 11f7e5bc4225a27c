import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CallMesh, ICE_REFRESH_AT, QUALITY_INTERVAL_MS, type CallMeshOptions } from "./call-mesh";
import { peerKey, type CallSignal, type IceConfig, type LocalMedia, type PeerAddress, type SignalTransport } from "./call-types";
import { FakeMediaStream, FakePeerConnection, FakeTrack, type FakeTransceiver } from "./fake-peer-connection";
import { DISCONNECTED_GRACE_MS, NOT_CONNECTED_MS, UNANSWERED_OFFER_MS } from "./peer-link";

type Listener = (from: PeerAddress, signal: CallSignal) => void;

/** The server's relay, in memory: each signal arrives `latencyMs` later, in order; `down` refuses them all. */
class FakeSignalNetwork {
  latencyMs = 10;
  down = false;
  /** Candidates are sent but never arrive: descriptions go through and ICE never connects. */
  dropCandidates = false;
  readonly sent: Array<{ from: string; to: string; signal: CallSignal }> = [];
  private readonly listeners = new Map<string, Set<Listener>>();

  transport(self: PeerAddress): SignalTransport {
    return {
      send: (to, signal) => {
        if (this.down) return Promise.reject(new Error("not relayed"));
        this.sent.push({ from: peerKey(self), to: peerKey(to), signal });
        if (this.dropCandidates && signal.kind === "candidate") return Promise.resolve();
        setTimeout(() => {
          for (const listener of this.listeners.get(peerKey(to)) ?? []) listener({ ...self }, signal);
        }, this.latencyMs);
        return Promise.resolve();
      },
      onSignal: (listener) => {
        const key = peerKey(self);
        if (!this.listeners.has(key)) this.listeners.set(key, new Set());
        this.listeners.get(key)!.add(listener);
        return () => this.listeners.get(key)!.delete(listener);
      },
    };
  }

  listenerCount(address: PeerAddress): number {
    return this.listeners.get(peerKey(address))?.size ?? 0;
  }

  descriptions(from: PeerAddress) {
    return this.sent.filter((sent) => sent.from === peerKey(from) && sent.signal.kind === "description");
  }
}

const ICE_LIFETIME_MS = 60_000;
const alice: PeerAddress = { userId: "alice", connectionId: "tab-alice-1" };
const bob: PeerAddress = { userId: "bob", connectionId: "tab-bob-1" };
const carol: PeerAddress = { userId: "carol", connectionId: "tab-carol-1" };

/** One tab: its mesh and everything the test wants to look at or drive. */
function member(network: FakeSignalNetwork, self: PeerAddress, options: Partial<CallMeshOptions> = {}) {
  const pcs: FakePeerConnection[] = [];
  const remotes = new Map<FakePeerConnection, string>();
  const streams: FakeMediaStream[] = [];
  const onlineListeners = new Set<() => void>();
  const errors: string[] = [];
  let iceGeneration = 0;
  const getIceConfig = vi.fn(async (): Promise<IceConfig> => ({
    iceServers: [{ urls: [`turn:turn.test:3478`], username: `u${++iceGeneration}`, credential: "c" }],
    expiresAt: new Date(Date.now() + ICE_LIFETIME_MS),
  }));
  const mesh = new CallMesh({
    self,
    transport: network.transport(self),
    getIceConfig,
    iceTransportPolicy: "relay",
    createPeerConnection: (configuration, remote) => {
      const pc = new FakePeerConnection(configuration);
      pcs.push(pc);
      remotes.set(pc, peerKey(remote));
      return pc as unknown as RTCPeerConnection;
    },
    createMediaStream: () => {
      const stream = new FakeMediaStream();
      streams.push(stream);
      return stream as unknown as MediaStream;
    },
    onOnline: (listener) => {
      onlineListeners.add(listener);
      return () => onlineListeners.delete(listener);
    },
    onError: (_error, context) => errors.push(context),
    ...options,
  });
  return {
    mesh,
    pcs,
    getIceConfig,
    errors,
    goOnline: () => onlineListeners.forEach((listener) => listener()),
    onlineListenerCount: () => onlineListeners.size,
    /** The ids its remote peers see its camera (with its microphone) and its screen under. */
    streamIds: () => ({ camera: streams[0]!.id, screen: streams[1]!.id }),
    peer: (address: PeerAddress) => mesh.getSnapshot().peers.find((peer) => peerKey(peer.address) === peerKey(address)),
    pcTo: (address: PeerAddress) => pcs.find((pc) => remotes.get(pc) === peerKey(address)),
  };
}

const media = (overrides: Partial<Record<keyof LocalMedia, FakeTrack | null>> = {}) =>
  ({ audio: new FakeTrack("audio"), camera: new FakeTrack("video"), screen: null, ...overrides }) as unknown as LocalMedia;

/** Lets the fake network and the fake connections run for a while. */
const run = (ms = 200) => vi.advanceTimersByTimeAsync(ms);

function ownTransceivers(pc: FakePeerConnection): FakeTransceiver[] {
  return pc.getTransceivers().filter((t) => !t.createdByRemote);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("CallMesh negotiation", () => {
  it("two tabs that join at the same moment: the polite one lets the other offer first, and both end stable and connected, with one media section per track", async () => {
    const network = new FakeSignalNetwork();
    const a = member(network, alice);
    const b = member(network, bob);
    for (const [tab, other] of [
      [a, bob],
      [b, alice],
    ] as const) {
      tab.mesh.setLocalMedia(media());
      tab.mesh.start();
      tab.mesh.setPeers([other]);
    }
    await run();

    // No glare: Bob (impolite) offered first; Alice (polite) answered, then offered her own senders.
    expect(network.descriptions(bob)[0]!.signal).toMatchObject({ description: { type: "offer" } });
    expect(
      network
        .descriptions(alice)
        .map((sent) => sent.signal.kind === "description" && sent.signal.description.type)
        .slice(0, 2),
    ).toEqual(["answer", "offer"]);
    for (const pc of [a.pcs[0]!, b.pcs[0]!]) {
      expect(pc.signalingState).toBe("stable");
      expect(pc.connectionState).toBe("connected");
      // Three sections each side sends on, three it receives on: no section was left over from the rolled-back offer.
      expect(pc.getTransceivers().filter((t) => t.mid !== null)).toHaveLength(6);
    }
    expect(a.peer(bob)).toMatchObject({ connectionState: "connected" });
    expect(b.peer(alice)).toMatchObject({ connectionState: "connected" });
    // Each side sees the other's camera stream (microphone and camera in it), and no screen.
    expect(a.peer(bob)!.camera!.id).toBe(b.streamIds().camera);
    expect(
      a
        .peer(bob)!
        .camera!.getTracks()
        .map((track) => track.kind),
    ).toEqual(["audio", "video"]);
    expect(a.peer(bob)!.screen).toBeNull();
    expect(b.peer(alice)!.camera!.id).toBe(a.streamIds().camera);
    expect(a.errors.filter((error) => !error.startsWith("handling a candidate"))).toEqual([]);
  });

  it.each([
    ["the impolite side", bob, alice],
    ["the polite side", alice, bob],
  ])("connects at once when %s offered before the other heard it joined the call", async (_, early, late) => {
    const network = new FakeSignalNetwork();
    const first = member(network, early);
    const second = member(network, late);
    first.mesh.start();
    second.mesh.start();
    first.mesh.setPeers([late]);
    await run(2_000);
    expect(second.pcs).toHaveLength(0);
    second.mesh.setPeers([early]);
    await run();
    expect(first.pcTo(late)?.connectionState).toBe("connected");
    expect(second.pcTo(early)?.connectionState).toBe("connected");
  });

  it("keeps early signals of a few tabs only, so a peer churning tab ids cannot fill memory", async () => {
    const network = new FakeSignalNetwork();
    const target = member(network, bob);
    target.mesh.start();
    // Twelve tabs nobody has heard of send a hundred and one signals each before any room lists them.
    for (let i = 0; i < 12; i++) {
      const junk = network.transport({ userId: "mallory", connectionId: `tab-mallory-${i}` });
      for (let n = 0; n <= 100; n++) void junk.send(bob, { kind: "candidate", candidate: null });
    }
    await run(100);
    const kept = (target.mesh as unknown as { earlySignals: Map<string, { signals: unknown[] }> }).earlySignals;
    expect(kept.size).toBe(8);
    expect(Math.max(...[...kept.values()].map((entry) => entry.signals.length))).toBe(100);
  });

  it("takes back an offer nobody answered and offers again", async () => {
    const network = new FakeSignalNetwork();
    network.down = true;
    const a = member(network, alice);
    const b = member(network, bob);
    for (const [tab, other] of [
      [a, bob],
      [b, alice],
    ] as const) {
      tab.mesh.start();
      tab.mesh.setPeers([other]);
    }
    await run(1_000);
    // Bob is the impolite side, who offers first; Alice waits for his offer.
    expect(b.pcs[0]!.signalingState).toBe("have-local-offer");
    expect(a.pcs[0]!.signalingState).toBe("stable");
    network.down = false;
    await run(UNANSWERED_OFFER_MS + QUALITY_INTERVAL_MS);
    expect(a.pcs[0]!.connectionState).toBe("connected");
    expect(b.pcs[0]!.connectionState).toBe("connected");
  });
});

/** Two or three tabs, all in the call and connected. */
async function connectedCall(addresses: PeerAddress[]) {
  const network = new FakeSignalNetwork();
  const tabs = addresses.map((address) => member(network, address));
  tabs.forEach((tab, index) => {
    tab.mesh.setLocalMedia(media());
    tab.mesh.start();
    tab.mesh.setPeers(addresses.filter((_, other) => other !== index));
  });
  await run();
  for (const tab of tabs) for (const pc of tab.pcs) expect(pc.connectionState).toBe("connected");
  return { network, tabs };
}

describe("CallMesh peers", () => {
  it("closes the connection of a peer no longer in the call and keeps the others", async () => {
    const { tabs } = await connectedCall([alice, bob, carol]);
    const [a] = tabs;
    const toBob = a!.pcTo(bob)!;
    const toCarol = a!.pcTo(carol)!;
    a!.mesh.setPeers([bob]);
    expect(toCarol.closed).toBe(true);
    expect(toBob.closed).toBe(false);
    expect(a!.mesh.getSnapshot().peers.map((peer) => peer.address)).toEqual([bob]);
  });

  it("skips this tab when it is among the peers", async () => {
    const network = new FakeSignalNetwork();
    const a = member(network, alice);
    a.mesh.start();
    a.mesh.setPeers([alice, bob]);
    await run();
    expect(a.pcs).toHaveLength(1);
    expect(a.mesh.getSnapshot().peers.map((peer) => peer.address)).toEqual([bob]);
  });

  it("lists the peers as new and opens no connection until the ICE servers are known; a failed fetch is shown and asked again", async () => {
    const network = new FakeSignalNetwork();
    const getIceConfig = vi
      .fn<() => Promise<IceConfig>>()
      .mockRejectedValueOnce(new Error("Session not found"))
      .mockResolvedValue({ iceServers: [], expiresAt: new Date(Date.now() + ICE_LIFETIME_MS) });
    const a = member(network, alice, { getIceConfig });
    a.mesh.start();
    a.mesh.setPeers([bob]);
    await run(10);
    expect(a.pcs).toHaveLength(0);
    expect(a.mesh.getSnapshot()).toMatchObject({ iceConfigError: "Session not found", peers: [{ address: bob, connectionState: "new", camera: null }] });
    await run(1_000);
    expect(getIceConfig).toHaveBeenCalledTimes(2);
    expect(a.pcs).toHaveLength(1);
    expect(a.mesh.getSnapshot().iceConfigError).toBeNull();
  });
});

describe("CallMesh local media", () => {
  it("mutes and turns the camera off and on by replacing tracks, without a new offer", async () => {
    const { network, tabs } = await connectedCall([alice, bob]);
    const [a] = tabs;
    const offers = network.sent.length;
    const camera = new FakeTrack("video");
    a!.mesh.setLocalMedia(media({ audio: null, camera: null }));
    a!.mesh.setLocalMedia(media({ audio: null, camera }));
    await run();
    const [audioSender, cameraSender] = ownTransceivers(a!.pcs[0]!).map((t) => t.sender);
    expect(audioSender!.track).toBeNull();
    expect(cameraSender!.track).toBe(camera);
    expect(network.sent.length).toBe(offers);
  });

  it("starting a screen share renegotiates and the other side sees it as the screen; stopping takes it away", async () => {
    const { network, tabs } = await connectedCall([alice, bob]);
    const [a, b] = tabs;
    const screen = new FakeTrack("video");
    a!.mesh.setLocalMedia(media({ screen }));
    await run();
    expect(network.descriptions(alice).at(-1)!.signal).toMatchObject({ description: { type: "offer" }, streams: a!.streamIds() });
    expect(b!.peer(alice)!.screen!.id).toBe(a!.streamIds().screen);
    expect(b!.peer(alice)!.screen!.getVideoTracks()).toHaveLength(1);
    expect(b!.peer(alice)!.camera!.id).toBe(a!.streamIds().camera);
    expect(ownTransceivers(a!.pcs[0]!)[2]!.sender.track).toBe(screen);

    a!.mesh.setLocalMedia(media());
    await run();
    expect(b!.peer(alice)!.screen).toBeNull();
    expect(ownTransceivers(a!.pcs[0]!)[2]!.direction).toBe("inactive");
    for (const pc of [a!.pcs[0]!, b!.pcs[0]!]) expect(pc).toMatchObject({ signalingState: "stable", connectionState: "connected" });
  });

  it("a tab that joins while another shares its screen sees the screen", async () => {
    const network = new FakeSignalNetwork();
    const a = member(network, alice);
    const b = member(network, bob);
    a.mesh.setLocalMedia(media({ screen: new FakeTrack("video") }));
    for (const [tab, other] of [
      [a, bob],
      [b, alice],
    ] as const) {
      tab.mesh.start();
      tab.mesh.setPeers([other]);
    }
    await run();
    expect(b.peer(alice)!.screen!.id).toBe(a.streamIds().screen);
  });
});

describe("CallMesh ICE", () => {
  it("restarts ICE at once when it fails, and the pair connects again", async () => {
    const { tabs } = await connectedCall([alice, bob]);
    const pc = tabs[0]!.pcs[0]!;
    pc.simulateIce("failed");
    expect(pc.restartIceCalls).toBe(1);
    expect(tabs[0]!.peer(bob)!.connectionState).toBe("failed");
    await run();
    expect(pc.connectionState).toBe("connected");
    expect(pc.signalingState).toBe("stable");
  });

  it("restarts ICE on a connection negotiated but never connected, which fails nowhere", async () => {
    const network = new FakeSignalNetwork();
    network.dropCandidates = true;
    const tabs = [member(network, alice), member(network, bob)];
    tabs[0]!.mesh.start();
    tabs[1]!.mesh.start();
    tabs[0]!.mesh.setPeers([bob]);
    tabs[1]!.mesh.setPeers([alice]);
    await run(NOT_CONNECTED_MS - 1_000);
    const pcs = [tabs[0]!.pcs[0]!, tabs[1]!.pcs[0]!];
    expect(pcs.map((pc) => pc.signalingState)).toEqual(["stable", "stable"]);
    expect(pcs.map((pc) => pc.iceConnectionState)).toEqual(["new", "new"]);
    expect(pcs.map((pc) => pc.restartIceCalls)).toEqual([0, 0]);
    network.dropCandidates = false;
    await run(1_000 + QUALITY_INTERVAL_MS);
    expect(pcs.some((pc) => pc.restartIceCalls > 0)).toBe(true);
    expect(pcs.map((pc) => pc.connectionState)).toEqual(["connected", "connected"]);
  });

  it("restarts ICE after a few seconds of disconnection, not when it mends sooner", async () => {
    const { tabs } = await connectedCall([alice, bob]);
    const pc = tabs[0]!.pcs[0]!;
    pc.simulateIce("disconnected");
    await run(DISCONNECTED_GRACE_MS - 100);
    pc.simulateIce("connected");
    await run(DISCONNECTED_GRACE_MS);
    expect(pc.restartIceCalls).toBe(0);

    pc.simulateIce("disconnected");
    await run(DISCONNECTED_GRACE_MS - 100);
    expect(pc.restartIceCalls).toBe(0);
    await run(100);
    expect(pc.restartIceCalls).toBe(1);
    await run();
    expect(pc.connectionState).toBe("connected");
  });

  it("restarts ICE on every connection when the device comes back online", async () => {
    const { tabs } = await connectedCall([alice, bob, carol]);
    tabs[0]!.goOnline();
    expect(tabs[0]!.pcs.map((pc) => pc.restartIceCalls)).toEqual([1, 1]);
    await run();
    for (const pc of tabs[0]!.pcs) expect(pc).toMatchObject({ signalingState: "stable", connectionState: "connected" });
  });

  it("creates connections with the relay-only policy, and fetches the servers again at 80% of their lifetime for every connection", async () => {
    const { tabs } = await connectedCall([alice, bob, carol]);
    const a = tabs[0]!;
    for (const pc of a.pcs) expect(pc.configuration).toMatchObject({ iceTransportPolicy: "relay", iceServers: [{ username: "u1" }] });
    await run(ICE_LIFETIME_MS * ICE_REFRESH_AT - 1_000);
    expect(a.getIceConfig).toHaveBeenCalledTimes(1);
    await run(1_000);
    expect(a.getIceConfig).toHaveBeenCalledTimes(2);
    for (const pc of a.pcs)
      expect(pc.setConfigurationCalls).toEqual([
        expect.objectContaining({ iceTransportPolicy: "relay", iceServers: [expect.objectContaining({ username: "u2" })] }),
      ]);
  });
});

describe("CallMesh quality", () => {
  it("reads round trip and loss from getStats every two seconds", async () => {
    const { tabs } = await connectedCall([alice, bob]);
    const pc = tabs[0]!.pcs[0]!;
    pc.stats = new Map<string, Record<string, unknown>>([
      ["T1", { type: "transport", id: "T1", selectedCandidatePairId: "CP1" }],
      ["CP1", { type: "candidate-pair", id: "CP1", currentRoundTripTime: 0.05 }],
      ["IA", { type: "inbound-rtp", id: "IA", kind: "audio", packetsLost: 0, packetsReceived: 100 }],
    ]);
    await run(QUALITY_INTERVAL_MS);
    expect(tabs[0]!.peer(bob)!.quality).toEqual({ rttMs: 50, lossPercent: 0, level: "good" });
    pc.stats.set("CP1", { type: "candidate-pair", id: "CP1", currentRoundTripTime: 0.45 });
    pc.stats.set("IA", { type: "inbound-rtp", id: "IA", kind: "audio", packetsLost: 10, packetsReceived: 190 });
    await run(QUALITY_INTERVAL_MS);
    expect(tabs[0]!.peer(bob)!.quality).toEqual({ rttMs: 450, lossPercent: 10, level: "poor" });
  });
});

describe("CallMesh close", () => {
  it("closes every connection and stops timers and listeners, but leaves the local tracks running", async () => {
    const network = new FakeSignalNetwork();
    const a = member(network, alice);
    const b = member(network, bob);
    const tracks = { audio: new FakeTrack("audio"), camera: new FakeTrack("video"), screen: new FakeTrack("video") };
    a.mesh.setLocalMedia(tracks as unknown as LocalMedia);
    for (const [tab, other] of [
      [a, bob],
      [b, alice],
    ] as const) {
      tab.mesh.start();
      tab.mesh.setPeers([other]);
    }
    await run();
    const statsCalls = a.pcs[0]!.getStatsCalls;
    a.mesh.close();
    expect(a.pcs[0]!.closed).toBe(true);
    expect(Object.values(tracks).map((track) => track.readyState)).toEqual(["live", "live", "live"]);
    expect(network.listenerCount(alice)).toBe(0);
    expect(a.onlineListenerCount()).toBe(0);
    expect(a.mesh.getSnapshot().peers).toEqual([]);
    await run(ICE_LIFETIME_MS * 2);
    expect(a.pcs[0]!.getStatsCalls).toBe(statsCalls);
    expect(a.getIceConfig).toHaveBeenCalledTimes(1);
    a.mesh.setPeers([bob]);
    expect(a.pcs).toHaveLength(1);
  });
});
