// One measured run: every member in the device check with camera and microphone on; a window of the
// server's CPU with nobody joining (the baseline); then every member clicks "Join call" at once and the
// window of the same length (or until every first frame is seen, if later) is measured the same way, with
// the call-signal counters before and after; then everyone leaves the call (not the room).
import { allFramesSeen, clickJoin, leaveAll, openDeviceCheck, probeOf, until, type MemberPage } from "./browsers";
import { tileStates, type PeerRecord, type ProbeState, type TileState } from "./probe";
import { cpuMsDuring, scrapeSignals, signalsBetween, type SignalCounters } from "./server-stats";

/** A connection's milestones, in ms from the later of its two members' clicks. */
export const MILESTONES = [
  "in call",
  "pc created",
  "host candidate",
  "relay candidate",
  "negotiated",
  "ICE connected",
  "DTLS connected",
  "frame received",
  "first frame",
] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface RunResult {
  /** Per member and remote member: from the later of their two clicks to the first decoded frame of the remote's camera. */
  firstFrameMs: number[];
  /** Remote cameras never seen within the timeout. */
  missing: number;
  milestones: Record<Milestone, number[]>;
  /** From the first click to the last, as the pages received them. */
  clickSpreadMs: number;
  /**
   * The pages that missed a first frame, at the end of the window: their remote tiles, what their connections
   * that never connected went through, and what the app warned of.
   */
  misses: Array<{ role: string; tiles: TileState[]; unconnected: string[][]; warnings: string[] }>;
  join: { cpuMs: number; wallMs: number };
  idle: { cpuMs: number; wallMs: number };
  signals: SignalCounters;
}

export interface RunSetup {
  pages: MemberPage[];
  appUrl: string;
  appPid: number;
  metricsToken: string;
  windowMs: number;
  timeoutMs: number;
}

const SETTLE_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function measureRun({ pages, appUrl, appPid, metricsToken, windowMs, timeoutMs }: RunSetup): Promise<RunResult> {
  await Promise.all(pages.map(openDeviceCheck));
  // What the last leave set going on the server (its events written, the sockets' answers) is not the baseline's.
  await sleep(SETTLE_MS);
  const idle = await cpuMsDuring(appPid, () => sleep(windowMs));
  const before = await scrapeSignals(appUrl, metricsToken);
  const join = await cpuMsDuring(appPid, async () => {
    const startedAt = performance.now();
    await Promise.all(pages.map(clickJoin));
    await until(() => allFramesSeen(pages), timeoutMs, "").catch(() => undefined);
    await sleep(windowMs - (performance.now() - startedAt));
  });
  const signals = signalsBetween(before, await scrapeSignals(appUrl, metricsToken));
  const probes = await Promise.all(pages.map(probeOf));
  const misses = await Promise.all(
    pages.flatMap(({ member, page, warnings }, i) => {
      const probe = probes[i];
      if (!probe || Object.keys(probe.frames).length === pages.length - 1) return [];
      const unconnected = probe.peers.filter((peer) => peer.connectedAt === null).map((peer) => peer.changes);
      return [page.evaluate(tileStates).then((tiles) => ({ role: member.role, tiles, unconnected, warnings: [...warnings] }))];
    }),
  );
  for (const memberPage of pages) memberPage.warnings.length = 0;
  await leaveAll(pages);
  return { ...firstFrames(pages, probes), misses, idle, join, signals };
}

function emptyMilestones(): Record<Milestone, number[]> {
  return Object.fromEntries(MILESTONES.map((milestone) => [milestone, []])) as unknown as Record<Milestone, number[]>;
}

function firstFrames(pages: MemberPage[], probes: ProbeState[]): Pick<RunResult, "firstFrameMs" | "missing" | "milestones" | "clickSpreadMs"> {
  const clickOf = new Map(pages.map((memberPage, i) => [memberPage.member.userId, probes[i]?.clickAt ?? Number.NaN]));
  const clicks = [...clickOf.values()];
  const firstFrameMs: number[] = [];
  const milestones = emptyMilestones();
  let missing = 0;
  probes.forEach((probe, i) => {
    const self = pages[i]?.member.userId ?? "";
    for (const { member } of pages) {
      if (member.userId === self) continue;
      const frameAt = probe.frames[member.userId];
      if (frameAt === undefined) missing++;
      else firstFrameMs.push(frameAt - Math.max(clickOf.get(self) ?? Number.NaN, clickOf.get(member.userId) ?? Number.NaN));
    }
    for (const peer of probe.peers) {
      if (peer.userId === null) continue;
      const start = Math.max(clickOf.get(self) ?? Number.NaN, clickOf.get(peer.userId) ?? Number.NaN);
      addMilestones(milestones, peer, probe.inCallAt, start);
    }
  });
  return { firstFrameMs, missing, milestones, clickSpreadMs: Math.max(...clicks) - Math.min(...clicks) };
}

function addMilestones(milestones: Record<Milestone, number[]>, peer: PeerRecord, inCallAt: number | null, start: number): void {
  const at: Record<Milestone, number | null> = {
    "in call": inCallAt,
    "pc created": peer.createdAt,
    "host candidate": peer.hostAt,
    "relay candidate": peer.relayAt,
    negotiated: peer.negotiatedAt,
    "ICE connected": peer.iceConnectedAt,
    "DTLS connected": peer.connectedAt,
    "frame received": peer.frameReceivedAt,
    "first frame": peer.firstFrameAt,
  };
  for (const milestone of MILESTONES) {
    const time = at[milestone];
    if (time !== null && Number.isFinite(start)) milestones[milestone].push(time - start);
  }
}
