// The pad under load: in every room the interviewer and the candidate type in the current question's pad
// at once (bench/realtime/pad-typist.ts, the browser's own sync), a keystroke every interval each.
// Measures edit-to-remote-display latency (a keystroke's first push sent -> the relay holding it at the
// OTHER member's socket), the relays' size, pushes per second, the server's CPU per push, and, once both
// have stopped and settled, whether both texts equal the pad as the server stores it.
import { summary, type LoadRoom, type Summary } from "./load";
import { PadTypist } from "./pad-typist";
import { pullPad, type PadCopy } from "./pad-text";
import { cpuMsOf, loadAverage, treeCpuMsOf } from "./process-stats";

/** How long, once typing stops, everything typed may take to be confirmed before the check. */
const SETTLE_MS = 60_000;

export interface PadResult {
  rooms: number;
  keystrokes: number;
  /** Keystrokes the typists' timers were set for: fewer typed means this load generator fell behind. */
  keystrokesPlanned: number;
  /** From a keystroke's first push being sent to the relay holding it at the other member's socket. */
  latency: Summary;
  /** The same from the keystroke itself: adds the wait for the push (at most every 50 ms, one at a time). */
  typedLatency: Summary;
  /** From a push sent to its answer (which comes after the relay). */
  ack: Summary;
  /** Keystrokes the other member's socket never received (by relay or pull). */
  undelivered: number;
  /** Keystrokes missing from the server's stored pad, and rooms where a member's text is not the server's. */
  lost: number;
  diverged: number;
  pushes: number;
  pushesPerSecond: number;
  keystrokesPerPush: number;
  pushErrors: Record<string, number>;
  pulls: number;
  cursors: number;
  /** Refused or closed statuses, and editors restarted from the room's text (typing dropped). */
  trouble: number;
  resets: number;
  cpuMsPerPush: number;
  dbCpuMsPerPush: number | null;
  /** Mean size of a `room:scratchpad` packet as received, and of a push as sent (JSON of the packet). */
  bytesPerRelay: number;
  bytesPerPush: number;
  /** This load generator's CPU while it typed, in % of one core (it shares the machine with the server). */
  generatorCpuPercent: number;
  /** From the last keystroke until all was confirmed; rooms still unsettled after SETTLE_MS (checked anyway). */
  settleMs: number;
  unsettled: number;
  loadAverage: string;
}

interface Pair {
  room: LoadRoom;
  start: PadCopy;
  interviewer: PadTypist;
  candidate: PadTypist;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const mean = (values: number[]) => (values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

/** Each room's two typists on its current question, from the pad as stored. */
async function typistsFor(rooms: LoadRoom[], cursors: boolean): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let i = 0; i < rooms.length; i += 50) {
    const batch = rooms.slice(i, i + 50).map(async (room) => {
      room.typing = true;
      const { sessionId } = room.spec;
      const questionId = room.questionId;
      const start = await pullPad(room.sockets.interviewer, sessionId, questionId);
      return {
        room,
        start,
        interviewer: new PadTypist(room.sockets.interviewer, sessionId, questionId, room.userIds.interviewer, start, "start", cursors),
        candidate: new PadTypist(room.sockets.candidate, sessionId, questionId, room.userIds.candidate, start, "end", cursors),
      };
    });
    pairs.push(...(await Promise.all(batch)));
  }
  return pairs;
}

const isSettled = ({ interviewer, candidate }: Pair) => interviewer.settled && candidate.settled && interviewer.version === candidate.version;

/** Until every typist's keystrokes are confirmed and both of a room are at the same version (or SETTLE_MS). */
async function settle(pairs: Pair[]): Promise<{ ms: number; unsettled: number }> {
  const from = performance.now();
  while (!pairs.every(isSettled) && performance.now() - from < SETTLE_MS) await sleep(100);
  return { ms: performance.now() - from, unsettled: pairs.filter((pair) => !isSettled(pair)).length };
}

/**
 * When `receiver` got each of `sender`'s keystrokes, by number from 1: the sender's updates in version
 * order. Null when a version is missing (it could not be told whose keystroke came when).
 */
function arrivals(receiver: PadTypist, sender: PadTypist, fromVersion: number): number[] | null {
  const times: number[] = [];
  let count = 0;
  const last = Math.max(fromVersion, ...receiver.seen.keys());
  for (let version = fromVersion + 1; version <= last; version++) {
    const seen = receiver.seen.get(version);
    if (!seen) return null;
    if (seen.clientID === sender.clientID) times[++count] = seen.at;
  }
  return times;
}

/** The latencies of one member's keystrokes at the other. */
function timings(sender: PadTypist, receiver: PadTypist, fromVersion: number) {
  const arrived = arrivals(receiver, sender, fromVersion);
  const pushed: number[] = [];
  const typed: number[] = [];
  let undelivered = 0;
  for (let k = 1; k <= sender.typed; k++) {
    const at = arrived?.[k];
    const pushedAt = sender.pushedAt[k];
    if (at === undefined || pushedAt === undefined) {
      undelivered++;
      continue;
    }
    pushed.push(Math.max(0, at - pushedAt));
    typed.push(Math.max(0, at - sender.typedAt[k]!));
  }
  return { pushed, typed, undelivered };
}

/** Both members' texts against the server's stored pad: keystrokes missing from it, and whether all agree. */
async function check(pair: Pair): Promise<{ lost: number; diverged: boolean }> {
  const { room, start, interviewer, candidate } = pair;
  const stored = await pullPad(room.sockets.interviewer, room.spec.sessionId, room.questionId);
  room.padIs(room.questionId, stored);
  const text = stored.doc.toString();
  // Every keystroke is one character and one update.
  const expected = start.doc.length + interviewer.typed + candidate.typed;
  return { lost: Math.max(0, expected - stored.doc.length), diverged: interviewer.text !== text || candidate.text !== text };
}

/** Both ways in every room: the latencies of each member's keystrokes at the other. */
function latenciesOf(pairs: Pair[]): { latencies: number[]; typedLatencies: number[]; undelivered: number } {
  const latencies: number[] = [];
  const typedLatencies: number[] = [];
  let undelivered = 0;
  for (const { start, interviewer, candidate } of pairs) {
    for (const [sender, receiver] of [
      [interviewer, candidate],
      [candidate, interviewer],
    ] as const) {
      const timed = timings(sender, receiver, start.revision);
      latencies.push(...timed.pushed);
      typedLatencies.push(...timed.typed);
      undelivered += timed.undelivered;
    }
  }
  return { latencies, typedLatencies, undelivered };
}

/** Types in every room's pad for `seconds`, a keystroke every `keystrokeMs` per member, and measures it. */
export async function measurePad(
  rooms: LoadRoom[],
  options: { seconds: number; keystrokeMs: number; cursors: boolean; serverPid: number; databasePid: number | null },
): Promise<PadResult> {
  const pairs = await typistsFor(rooms, options.cursors);
  const typists = pairs.flatMap((pair) => [pair.interviewer, pair.candidate]);
  const cpuBefore = cpuMsOf(options.serverPid);
  const dbBefore = options.databasePid ? treeCpuMsOf(options.databasePid) : 0;
  const generatorBefore = process.cpuUsage();
  const startedAt = performance.now();
  for (const typist of typists) typist.start(options.keystrokeMs);
  await sleep(options.seconds * 1000);
  for (const typist of typists) typist.stop();
  const typingMs = performance.now() - startedAt;
  const generator = process.cpuUsage(generatorBefore);
  const settled = await settle(pairs);
  const cpuMs = cpuMsOf(options.serverPid) - cpuBefore;
  const dbCpuMs = options.databasePid ? treeCpuMsOf(options.databasePid) - dbBefore : null;
  const elapsed = performance.now() - startedAt;

  const { latencies, typedLatencies, undelivered } = latenciesOf(pairs);
  const checks: Array<{ lost: number; diverged: boolean }> = [];
  for (let i = 0; i < pairs.length; i += 50) checks.push(...(await Promise.all(pairs.slice(i, i + 50).map(check))));
  for (const pair of pairs) {
    pair.interviewer.close();
    pair.candidate.close();
    pair.room.typing = false;
  }

  const sum = (pick: (typist: PadTypist) => number) => typists.reduce((total, typist) => total + pick(typist), 0);
  const pushErrors: Record<string, number> = {};
  for (const typist of typists) for (const [code, count] of Object.entries(typist.pushErrors)) pushErrors[code] = (pushErrors[code] ?? 0) + count;
  const answered = Math.max(
    1,
    sum((typist) => typist.pushesAnswered),
  );
  const keystrokes = sum((typist) => typist.typed);
  return {
    rooms: rooms.length,
    keystrokes,
    keystrokesPlanned: Math.round((typists.length * options.seconds * 1000) / options.keystrokeMs),
    latency: summary(latencies),
    typedLatency: summary(typedLatencies),
    ack: summary(typists.flatMap((typist) => typist.ackMs)),
    undelivered,
    lost: checks.reduce((total, result) => total + result.lost, 0),
    diverged: checks.filter((result) => result.diverged).length,
    pushes: sum((typist) => typist.pushes),
    pushesPerSecond: Math.round((answered / elapsed) * 1000),
    keystrokesPerPush: round(keystrokes / answered),
    pushErrors,
    pulls: sum((typist) => typist.pulls),
    cursors: sum((typist) => typist.cursors),
    trouble: sum((typist) => typist.trouble.length),
    resets: sum((typist) => typist.resets),
    cpuMsPerPush: round(cpuMs / answered),
    dbCpuMsPerPush: dbCpuMs === null ? null : round(dbCpuMs / answered),
    bytesPerRelay: mean(typists.flatMap((typist) => typist.relayBytes)),
    bytesPerPush: mean(typists.flatMap((typist) => typist.pushBytes)),
    generatorCpuPercent: Math.round(((generator.user + generator.system) / 1000 / typingMs) * 100),
    settleMs: Math.round(settled.ms),
    unsettled: settled.unsettled,
    loadAverage: loadAverage(),
  };
}

export const PAD_HEADER =
  "kind  rooms  keys typed/planned  push→other p50/p95/p99/max ms  typed→other p50/p99  ack p50/p99  settle ms  undeliv lost diverged  pushes/s keys/push  errors  cpu ms/push  db ms  B/relay B/push  gen cpu  load avg";

export function padRow(kind: string, result: PadResult): string {
  const errors = Object.values(result.pushErrors).reduce((a, b) => a + b, 0) + result.trouble + result.resets;
  return [
    kind.padEnd(5),
    String(result.rooms).padStart(5),
    `${result.keystrokes}/${result.keystrokesPlanned}`.padStart(17),
    `${result.latency.p50}/${result.latency.p95}/${result.latency.p99}/${result.latency.max}`.padStart(31),
    `${result.typedLatency.p50}/${result.typedLatency.p99}`.padStart(20),
    `${result.ack.p50}/${result.ack.p99}`.padStart(12),
    `${result.settleMs}${result.unsettled ? ` (${result.unsettled} not)` : ""}`.padStart(10),
    String(result.undelivered).padStart(8),
    String(result.lost).padStart(4),
    String(result.diverged).padStart(8),
    String(result.pushesPerSecond).padStart(9),
    String(result.keystrokesPerPush).padStart(9),
    `${errors}${errors ? ` ${JSON.stringify(result.pushErrors)}` : ""}`.padStart(7),
    String(result.cpuMsPerPush).padStart(12),
    String(result.dbCpuMsPerPush ?? "-").padStart(6),
    String(result.bytesPerRelay).padStart(7),
    String(result.bytesPerPush).padStart(6),
    `${result.generatorCpuPercent}%`.padStart(8),
    `  ${result.loadAverage}`,
  ].join(" ");
}
