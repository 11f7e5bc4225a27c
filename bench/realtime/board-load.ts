// The whiteboard under load: in every room the candidate draws freehand strokes on the current question's
// board while the interviewer watches. A point is added every interval; as the browser's board does, the
// stroke's element goes out whole at its new version, at most every 50 ms and one push at a time. Measures
// stroke-to-remote-display latency (a push sent -> the element at that version at the interviewer's
// socket; and from the point drawn), bytes per change as the interviewer receives it, and the server's CPU
// per push. On the relay the same pushes are broadcast as they come.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import type { BoardElement } from "@/server/domain/board/board-element";
import { summary, type LoadRoom, type Summary } from "./load";
import { cpuMsOf, loadAverage, treeCpuMsOf } from "./process-stats";

const PUSH_INTERVAL_MS = 50;
/** Points in one stroke before the next stroke starts: a stroke drawn for two seconds at 50 ms a point. */
const STROKE_POINTS = 40;
const DRAIN_MS = 5_000;

export interface BoardResult {
  rooms: number;
  points: number;
  pushes: number;
  /** From a push sent to the element at that version at the interviewer's socket. */
  latency: Summary;
  /** From the newest point in the push being drawn (adds the wait for the push). */
  drawnLatency: Summary;
  ack: Summary;
  /** Pushes whose version never reached the interviewer. */
  undelivered: number;
  errors: Record<string, number>;
  cpuMsPerPush: number;
  dbCpuMsPerPush: number | null;
  /** Mean size of what the interviewer received per change (JSON of the packet), and of a push as sent. */
  bytesPerChange: number;
  bytesPerPush: number;
  pushesPerSecond: number;
  loadAverage: string;
}

/** One candidate drawing strokes in one room, and the interviewer's socket noting when each version arrived. */
class Drawer {
  points = 0;
  pushes = 0;
  readonly sent: Array<{ key: string; at: number; drawnAt: number }> = [];
  readonly ackMs: number[] = [];
  readonly pushBytes: number[] = [];
  readonly changeBytes: number[] = [];
  readonly arrived = new Map<string, number>();
  readonly errors: Record<string, number> = {};
  private stroke: BoardElement | null = null;
  private strokes = 0;
  /** This drawer's own element ids: a later step draws in the same rooms, on boards that already hold the earlier strokes. */
  private readonly tag = randomUUID().slice(0, 8);
  private inFlight = false;
  private dirtySince: number | null = null;
  private lastPushAt = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly listener: (message: { event?: { type?: string; payload?: { elements?: BoardElement[] }; elements?: BoardElement[] } }) => void;

  constructor(
    private readonly room: LoadRoom,
    private readonly candidate: Socket,
    private readonly interviewer: Socket,
  ) {
    this.listener = (message) => {
      const at = performance.now();
      const event = message.event;
      // The app sends `boardChanged`; the relay broadcasts the command as it came.
      const elements = event?.type === "boardChanged" ? event.payload?.elements : event?.type === "drawOnBoard" ? event.elements : undefined;
      if (!elements) return;
      this.changeBytes.push(JSON.stringify(message).length);
      for (const element of elements) {
        const key = `${element.id}@${element.version}`;
        if (!this.arrived.has(key)) this.arrived.set(key, at);
      }
    };
    interviewer.on("room:event", this.listener);
  }

  start(pointMs: number): void {
    this.timer = setInterval(() => this.draw(), pointMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  close(): void {
    this.stop();
    this.interviewer.off("room:event", this.listener);
  }

  private draw(): void {
    const at = performance.now();
    const previous = this.stroke;
    if (!previous || previous.type !== "freedraw" || previous.points.length >= STROKE_POINTS)
      this.stroke = newStroke(`${this.room.spec.sessionId.slice(-8)}-${this.tag}`, this.strokes++);
    else {
      const [x, y] = previous.points.at(-1)!;
      this.stroke = {
        ...previous,
        points: [...previous.points, [x + 3, y + ((this.points % 7) - 3)]],
        pressures: [],
        version: previous.version + 1,
        versionNonce: nonce(),
        updated: Date.now(),
      };
    }
    this.points++;
    this.dirtySince ??= at;
    void this.push();
  }

  private async push(): Promise<void> {
    if (this.inFlight || this.dirtySince === null || !this.stroke) return;
    const wait = PUSH_INTERVAL_MS - (performance.now() - this.lastPushAt);
    if (wait > 0) {
      setTimeout(() => void this.push(), wait);
      return;
    }
    const element = this.stroke;
    const drawnAt = this.dirtySince;
    this.dirtySince = null;
    this.inFlight = true;
    this.lastPushAt = performance.now();
    const command = { type: "drawOnBoard", questionId: this.room.questionId, elements: [element] };
    const payload = { sessionId: this.room.spec.sessionId, idempotencyKey: randomUUID(), command };
    this.pushBytes.push(JSON.stringify(payload).length);
    this.sent.push({ key: `${element.id}@${element.version}`, at: this.lastPushAt, drawnAt });
    this.pushes++;
    try {
      const answer = (await this.candidate.timeout(30_000).emitWithAck("room:command", payload)) as { ok: boolean; code?: string };
      this.ackMs.push(performance.now() - this.lastPushAt);
      if (!answer.ok) this.errors[answer.code ?? "?"] = (this.errors[answer.code ?? "?"] ?? 0) + 1;
    } catch {
      this.errors.TIMEOUT = (this.errors.TIMEOUT ?? 0) + 1;
    } finally {
      this.inFlight = false;
    }
    if (this.dirtySince !== null) void this.push();
  }
}

function nonce(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

function newStroke(drawer: string, n: number): BoardElement {
  return {
    id: `stroke-${drawer}-${n}`,
    type: "freedraw",
    x: 100 + (n % 10) * 40,
    y: 100 + Math.floor(n / 10) * 40,
    width: 120,
    height: 20,
    angle: 0,
    strokeColor: "#1e1e1e",
    backgroundColor: "transparent",
    fillStyle: "solid",
    strokeWidth: 2,
    strokeStyle: "solid",
    roundness: null,
    roughness: 1,
    opacity: 100,
    seed: nonce(),
    version: 1,
    versionNonce: nonce(),
    index: `a${n.toString(36)}`,
    isDeleted: false,
    groupIds: [],
    frameId: null,
    boundElements: null,
    updated: Date.now(),
    link: null,
    locked: false,
    points: [[0, 0]],
    pressures: [],
    simulatePressure: true,
    lastCommittedPoint: null,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const mean = (values: number[]) => (values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

/** The candidate of every room draws for `seconds`, a point every `pointMs`, and the interviewer watches. */
export async function measureBoard(
  rooms: LoadRoom[],
  options: { seconds: number; pointMs: number; serverPid: number; databasePid: number | null },
): Promise<BoardResult> {
  const drawers = rooms.map((room) => {
    room.typing = true;
    return new Drawer(room, room.sockets.candidate, room.sockets.interviewer);
  });
  const cpuBefore = cpuMsOf(options.serverPid);
  const dbBefore = options.databasePid ? treeCpuMsOf(options.databasePid) : 0;
  const startedAt = performance.now();
  for (const drawer of drawers) drawer.start(options.pointMs);
  await sleep(options.seconds * 1000);
  for (const drawer of drawers) drawer.stop();
  await sleep(DRAIN_MS);
  const elapsed = performance.now() - startedAt;
  const cpuMs = cpuMsOf(options.serverPid) - cpuBefore;
  const dbCpuMs = options.databasePid ? treeCpuMsOf(options.databasePid) - dbBefore : null;

  const latencies: number[] = [];
  const drawnLatencies: number[] = [];
  let undelivered = 0;
  const errors: Record<string, number> = {};
  for (const drawer of drawers) {
    for (const push of drawer.sent) {
      const at = drawer.arrived.get(push.key);
      if (at === undefined) {
        undelivered++;
        continue;
      }
      latencies.push(Math.max(0, at - push.at));
      drawnLatencies.push(Math.max(0, at - push.drawnAt));
    }
    for (const [code, count] of Object.entries(drawer.errors)) errors[code] = (errors[code] ?? 0) + count;
    drawer.close();
  }
  for (const room of rooms) room.typing = false;
  const pushes = drawers.reduce((total, drawer) => total + drawer.pushes, 0);
  return {
    rooms: rooms.length,
    points: drawers.reduce((total, drawer) => total + drawer.points, 0),
    pushes,
    latency: summary(latencies),
    drawnLatency: summary(drawnLatencies),
    ack: summary(drawers.flatMap((drawer) => drawer.ackMs)),
    undelivered,
    errors,
    cpuMsPerPush: round(cpuMs / Math.max(1, pushes)),
    dbCpuMsPerPush: dbCpuMs === null ? null : round(dbCpuMs / Math.max(1, pushes)),
    bytesPerChange: mean(drawers.flatMap((drawer) => drawer.changeBytes)),
    bytesPerPush: mean(drawers.flatMap((drawer) => drawer.pushBytes)),
    pushesPerSecond: Math.round((pushes / (elapsed - DRAIN_MS)) * 1000),
    loadAverage: loadAverage(),
  };
}

export const BOARD_HEADER =
  "kind  rooms  points pushes  push→other p50/p95/p99/max ms  drawn→other p50/p99  ack p50/p99  undeliv  errors  pushes/s  cpu ms/push  db ms  B/change B/push  load avg";

export function boardRow(kind: string, result: BoardResult): string {
  const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
  return [
    kind.padEnd(5),
    String(result.rooms).padStart(5),
    String(result.points).padStart(7),
    String(result.pushes).padStart(6),
    `${result.latency.p50}/${result.latency.p95}/${result.latency.p99}/${result.latency.max}`.padStart(31),
    `${result.drawnLatency.p50}/${result.drawnLatency.p99}`.padStart(20),
    `${result.ack.p50}/${result.ack.p99}`.padStart(12),
    String(result.undelivered).padStart(8),
    `${errors}${errors ? ` ${JSON.stringify(result.errors)}` : ""}`.padStart(7),
    String(result.pushesPerSecond).padStart(9),
    String(result.cpuMsPerPush).padStart(12),
    String(result.dbCpuMsPerPush ?? "-").padStart(6),
    String(result.bytesPerChange).padStart(8),
    String(result.bytesPerPush).padStart(6),
    `  ${result.loadAverage}`,
  ].join(" ");
}
