import { build } from "esbuild";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { CallMesh } from "@/components/call/call-mesh";
import type * as CallMeshModule from "@/components/call/call-mesh";
import { peerKey, type CallSignal, type PeerAddress } from "@/components/call/call-types";
import { iceServersOf } from "@/server/services/call/ice-servers";
import { coturnInstalled, startCoturn, type Coturn } from "../support/coturn";
import { expect, test } from "./fixtures";

/**
 * CallMesh in real Chromium, with fake camera and microphone, and no app: two empty pages get the class
 * bundled by esbuild, and this test relays their signals as the server would. Every call goes through a
 * real coturn (iceTransportPolicy "relay"), so it also proves the relay carries the media. Both pages start
 * at the same moment, so their first offers usually cross (glare).
 */

const SECRET = "the secret coturn shares with the mesh test";
const BLANK_PAGE = "http://localhost/call-mesh-test";

interface TabSetup {
  self: PeerAddress;
  iceServers: RTCIceServer[];
  expiresAt: number;
}

/** What a test page keeps, for the test to read and drive. */
interface Tab {
  mesh: CallMesh;
  pcs: RTCPeerConnection[];
  startedAt: number;
  /** Decoded frames per remote video ("camera:bob", "screen:alice"), and when the first came (ms after start). */
  frames: Record<string, number>;
  firstFrameAt: Record<string, number>;
  audio: MediaStreamTrack;
  camera: MediaStreamTrack;
  screen: MediaStreamTrack | null;
  goOnline(): void;
}

declare global {
  interface Window {
    CallMeshBundle: typeof CallMeshModule;
    __callSignal(to: PeerAddress, signal: CallSignal): Promise<void>;
    __deliver?: (from: PeerAddress, signal: CallSignal) => void;
    __tab: Tab;
  }
}

test.use({
  launchOptions: async ({ launchOptions }, provide) => {
    await provide({ ...launchOptions, args: [...(launchOptions.args ?? []), "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"] });
  },
});

let bundle: string;
let coturn: Coturn;

test.beforeAll(async () => {
  if (!coturnInstalled()) throw new Error("turnserver is missing: install Debian's coturn (apt-get install coturn; .ci/run does)");
  coturn = await startCoturn(SECRET, { allowLoopbackPeers: true });
  const built = await build({
    entryPoints: ["components/call/call-mesh.ts"],
    bundle: true,
    format: "iife",
    globalName: "CallMeshBundle",
    write: false,
    target: "chrome120",
  });
  bundle = built.outputFiles[0]!.text;
});

test.afterAll(async () => {
  await coturn?.stop();
});

/** Runs in the page: captures fake media, makes the mesh, and shows each remote stream in a <video> that counts its frames. */
async function setUpTab({ self, iceServers, expiresAt }: TabSetup): Promise<void> {
  const { CallMesh, browserMeshEnvironment } = window.CallMeshBundle;
  const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240, frameRate: 15 } });
  const environment = browserMeshEnvironment();
  let online = () => {};
  const pcs: RTCPeerConnection[] = [];
  const mesh = new CallMesh({
    self,
    transport: {
      send: (to, signal) => window.__callSignal(to, signal),
      onSignal: (listener) => {
        window.__deliver = listener;
        return () => (window.__deliver = undefined);
      },
    },
    getIceConfig: async () => ({ iceServers, expiresAt: new Date(expiresAt) }),
    iceTransportPolicy: "relay",
    ...environment,
    createPeerConnection: (configuration, remote) => {
      const pc = environment.createPeerConnection(configuration, remote);
      pcs.push(pc);
      return pc;
    },
    onOnline: (listener) => {
      online = listener;
      return () => (online = () => {});
    },
    onError: (error, context) => console.warn(`[mesh] ${context}: ${String(error)}`),
  });
  const tab: Tab = {
    mesh,
    pcs,
    startedAt: performance.now(),
    frames: {},
    firstFrameAt: {},
    audio: media.getAudioTracks()[0]!,
    camera: media.getVideoTracks()[0]!,
    screen: null,
    goOnline: () => online(),
  };
  window.__tab = tab;
  const videos = new Map<string, HTMLVideoElement>();
  const countFrames = (label: string, video: HTMLVideoElement) => {
    const onFrame = () => {
      if (videos.get(label) !== video) return;
      tab.frames[label] = (tab.frames[label] ?? 0) + 1;
      tab.firstFrameAt[label] ??= performance.now() - tab.startedAt;
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  mesh.subscribe(() => {
    const wanted = new Map<string, MediaStream>();
    for (const peer of mesh.getSnapshot().peers) {
      if (peer.camera) wanted.set(`camera:${peer.address.userId}`, peer.camera);
      if (peer.screen) wanted.set(`screen:${peer.address.userId}`, peer.screen);
    }
    for (const [label, video] of videos) {
      if (wanted.get(label) === video.srcObject) continue;
      video.remove();
      videos.delete(label);
    }
    for (const [label, stream] of wanted) {
      if (videos.has(label)) continue;
      const video = Object.assign(document.createElement("video"), { muted: true, autoplay: true, playsInline: true, srcObject: stream });
      video.dataset.label = label;
      document.body.append(video);
      videos.set(label, video);
      countFrames(label, video);
    }
  });
  mesh.setLocalMedia({ audio: tab.audio, camera: tab.camera, screen: null });
  mesh.start();
}

/** A moving picture as the shared screen: getDisplayMedia wants a picker, and a canvas track is a video track like any other. */
function startScreenShare(): void {
  const canvas = Object.assign(document.createElement("canvas"), { width: 640, height: 360 });
  const context = canvas.getContext("2d")!;
  let hue = 0;
  setInterval(() => {
    context.fillStyle = `hsl(${(hue += 7) % 360} 60% 50%)`;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }, 50);
  const screen = canvas.captureStream(15).getVideoTracks()[0]!;
  window.__tab.screen = screen;
  window.__tab.mesh.setLocalMedia({ audio: window.__tab.audio, camera: window.__tab.camera, screen });
}

interface Call {
  pages: Record<string, Page>;
  /** Every signal relayed, in order. */
  relayed: Array<{ from: string; to: string; signal: CallSignal }>;
  close(): Promise<void>;
}

/** Opens one blank page per address, each in its own browser context, relays their signals, and starts every mesh at once. */
async function startCall(newContext: (browser: Browser) => Promise<BrowserContext>, browser: Browser, addresses: PeerAddress[]): Promise<Call> {
  const contexts: BrowserContext[] = [];
  const pages: Record<string, Page> = {};
  const relayed: Call["relayed"] = [];
  // One chain per receiving page, so that its signals arrive in the order they were sent, as over the socket.
  const deliveries = new Map<string, Promise<unknown>>();
  for (const address of addresses) {
    const context = await newContext(browser);
    contexts.push(context);
    // A blank page of its own, served by the test: media capture needs a secure context, which about:blank is
    // not, and http://localhost is.
    await context.route(BLANK_PAGE, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>mesh</title>" }));
    const page = await context.newPage();
    await page.goto(BLANK_PAGE);
    page.on("console", (message) => message.type() === "warning" && console.log(`${address.userId}: ${message.text()}`));
    pages[address.userId] = page;
    await page.exposeFunction("__callSignal", async (to: PeerAddress, signal: CallSignal) => {
      relayed.push({ from: peerKey(address), to: peerKey(to), signal });
      const target = pages[to.userId]!;
      const delivered = (deliveries.get(to.userId) ?? Promise.resolve()).then(() =>
        target.evaluate(([from, signal]) => window.__deliver?.(from, signal), [address, signal] as const).catch(() => undefined),
      );
      deliveries.set(to.userId, delivered);
    });
    await page.addScriptTag({ content: bundle });
  }
  const expiresAt = new Date(Date.now() + 3_600_000);
  await Promise.all(
    addresses.map((address) => {
      const { iceServers } = iceServersOf(
        { stunUrls: [], turn: { urls: [`turn:${coturn.host}:${coturn.port}?transport=udp`], secret: SECRET }, credentialLifetimeSeconds: 3600 },
        address.userId,
        expiresAt,
      );
      return pages[address.userId]!.evaluate(setUpTab, { self: address, iceServers, expiresAt: expiresAt.getTime() });
    }),
  );
  await Promise.all(addresses.map((address) => pages[address.userId]!.evaluate((peers) => window.__tab.mesh.setPeers(peers), addresses)));
  return { pages, relayed, close: async () => void (await Promise.all(contexts.map((context) => context.close()))) };
}

const frames = (page: Page, label: string) => page.evaluate((label) => window.__tab.frames[label] ?? 0, label);

/** The candidate types of each connection's selected pair, local and remote. */
function selectedCandidateTypes(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const types: string[] = [];
    for (const pc of window.__tab.pcs) {
      if (pc.connectionState === "closed") continue;
      const stats = [...(await pc.getStats()).values()];
      const transport = stats.find((stat) => stat.type === "transport");
      const pair = stats.find((stat) => stat.id === transport?.selectedCandidatePairId);
      const type = (id: string) => stats.find((stat) => stat.id === id)?.candidateType;
      types.push(`${type(pair?.localCandidateId)}/${type(pair?.remoteCandidateId)}`);
    }
    return types;
  });
}

/** Frames keep coming: the count grows by `more` within the poll's time. */
async function expectFramesAdvance(page: Page, label: string, more = 15): Promise<void> {
  const before = await frames(page, label);
  await expect.poll(() => frames(page, label), { message: `${label} frames on ${page.url()}`, timeout: 20_000 }).toBeGreaterThan(before + more);
}

const alice: PeerAddress = { userId: "alice", connectionId: "tab-alice-1" };
const bob: PeerAddress = { userId: "bob", connectionId: "tab-bob-1" };
const carol: PeerAddress = { userId: "carol", connectionId: "tab-carol-1" };

test("two tabs that start at once connect through the TURN relay and each plays the other's camera", async ({ browser, newContext }) => {
  const call = await startCall(newContext, browser, [alice, bob]);
  try {
    await expectFramesAdvance(call.pages.alice!, "camera:bob");
    await expectFramesAdvance(call.pages.bob!, "camera:alice");
    expect(await selectedCandidateTypes(call.pages.alice!)).toEqual(["relay/relay"]);
    expect(await selectedCandidateTypes(call.pages.bob!)).toEqual(["relay/relay"]);
    const peers = () =>
      call.pages.alice!.evaluate(() =>
        window.__tab.mesh.getSnapshot().peers.map(({ connectionState, quality, screen }) => ({ connectionState, quality, screen })),
      );
    // The quality is sampled every two seconds.
    await expect
      .poll(peers)
      .toEqual([
        { connectionState: "connected", quality: { rttMs: expect.any(Number), lossPercent: expect.any(Number), level: expect.any(String) }, screen: null },
      ]);
    const offers = call.relayed.filter(({ signal }) => signal.kind === "description" && signal.description.type === "offer");
    console.log(
      `first remote frame (ms after start): alice ${await call.pages.alice!.evaluate(() => Math.round(window.__tab.firstFrameAt["camera:bob"]!))}, bob ${await call.pages.bob!.evaluate(() => Math.round(window.__tab.firstFrameAt["camera:alice"]!))}; offers from alice ${offers.filter((offer) => offer.from.startsWith("alice")).length}, from bob ${offers.filter((offer) => offer.from.startsWith("bob")).length}`,
    );
  } finally {
    await call.close();
  }
});

test("mute and camera changes need no new offer; a screen share is renegotiated, seen as the screen, and taken away", async ({ browser, newContext }) => {
  const call = await startCall(newContext, browser, [alice, bob]);
  const { alice: alicePage, bob: bobPage } = call.pages as Record<"alice" | "bob", Page>;
  try {
    await expectFramesAdvance(bobPage, "camera:alice");
    const descriptions = () => call.relayed.filter(({ signal }) => signal.kind === "description").length;
    const before = descriptions();
    await alicePage.evaluate(() => window.__tab.mesh.setLocalMedia({ audio: null, camera: null, screen: null }));
    await alicePage.waitForTimeout(500);
    await alicePage.evaluate(() => window.__tab.mesh.setLocalMedia({ audio: window.__tab.audio, camera: window.__tab.camera, screen: null }));
    await expectFramesAdvance(bobPage, "camera:alice");
    expect(descriptions()).toBe(before);

    await alicePage.evaluate(startScreenShare);
    await expectFramesAdvance(bobPage, "screen:alice");
    await expectFramesAdvance(bobPage, "camera:alice");
    expect(descriptions()).toBeGreaterThan(before);
    const labels = await bobPage.evaluate(() => {
      const [peer] = window.__tab.mesh.getSnapshot().peers;
      return {
        camera: peer?.camera
          ?.getTracks()
          .map((track) => track.kind)
          .sort(),
        screen: peer?.screen?.getTracks().map((track) => track.kind),
      };
    });
    expect(labels).toEqual({ camera: ["audio", "video"], screen: ["video"] });

    await alicePage.evaluate(() => window.__tab.mesh.setLocalMedia({ audio: window.__tab.audio, camera: window.__tab.camera, screen: null }));
    await expect.poll(() => bobPage.evaluate(() => window.__tab.mesh.getSnapshot().peers[0]?.screen ?? null)).toBeNull();
    await expect.poll(() => alicePage.evaluate(() => window.__tab.screen?.readyState)).toBe("live");
  } finally {
    await call.close();
  }
});

test("coming back online restarts ICE on every connection, and the media keeps flowing through the relay", async ({ browser, newContext }) => {
  const call = await startCall(newContext, browser, [alice, bob]);
  try {
    await expectFramesAdvance(call.pages.bob!, "camera:alice");
    const ufrags = () =>
      call.relayed.flatMap(({ signal }) =>
        signal.kind === "description" ? [...signal.description.sdp.matchAll(/a=ice-ufrag:(\S+)/g)].map((match) => match[1]) : [],
      );
    const before = new Set(ufrags());
    await call.pages.alice!.evaluate(() => window.__tab.goOnline());
    await expect.poll(() => ufrags().filter((ufrag) => !before.has(ufrag)).length).toBeGreaterThan(0);
    await expectFramesAdvance(call.pages.bob!, "camera:alice");
    await expectFramesAdvance(call.pages.alice!, "camera:bob");
    expect(await selectedCandidateTypes(call.pages.alice!)).toEqual(["relay/relay"]);
  } finally {
    await call.close();
  }
});

test("three tabs make a full mesh; the one that leaves is closed on both others, who keep playing each other", async ({ browser, newContext }) => {
  const call = await startCall(newContext, browser, [alice, bob, carol]);
  const { alice: alicePage, bob: bobPage, carol: carolPage } = call.pages as Record<"alice" | "bob" | "carol", Page>;
  try {
    for (const [page, others] of [
      [alicePage, ["bob", "carol"]],
      [bobPage, ["alice", "carol"]],
      [carolPage, ["alice", "bob"]],
    ] as const) {
      for (const other of others) await expectFramesAdvance(page, `camera:${other}`);
    }
    await carolPage.evaluate(() => window.__tab.mesh.close());
    for (const page of [alicePage, bobPage]) await page.evaluate((stay) => window.__tab.mesh.setPeers(stay), [alice, bob]);
    const states = (page: Page) => page.evaluate(() => window.__tab.pcs.map((pc) => pc.connectionState));
    expect(await states(alicePage)).toEqual(["connected", "closed"]);
    expect(await states(carolPage)).toEqual(["closed", "closed"]);
    await expectFramesAdvance(alicePage, "camera:bob");
    await expectFramesAdvance(bobPage, "camera:alice");
    // Closing the mesh left the camera and microphone to their owner.
    expect(await carolPage.evaluate(() => [window.__tab.audio.readyState, window.__tab.camera.readyState])).toEqual(["live", "live"]);
  } finally {
    await call.close();
  }
});
