// npx tsx bench/realtime/profile-summary.ts <file.cpuprofile> [top] [fromSec-toSec]
// Where a V8 CPU profile's time went: self time by package (or app folder), and the top functions;
// optionally only between two offsets from the profile's start (a timeline of busy time helps pick them).
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, windowArg] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const [fromSec, toSec] = (windowArg ?? "0-1e9").split("-").map(Number) as [number, number];
const selfMicros = new Map<number, number>();
const busyPerSecond: number[] = [];
let clock = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  clock += delta;
  const second = Math.floor(clock / 1e6);
  if (byId.get(id)?.callFrame.functionName !== "(idle)") busyPerSecond[second] = (busyPerSecond[second] ?? 0) + delta;
  if (clock / 1e6 >= fromSec && clock / 1e6 < toSec) selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
});

/** The package (node_modules/<name>), the app folder (server/domain...), or what V8 calls it. */
function placeOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName === "(garbage collector)" ? "(gc)" : functionName === "(idle)" || functionName === "(program)" ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const app = /\/(server\/[^/]+|components|app|scripts)\//.exec(url)?.[1];
  return app ?? url;
}

const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const busy = total - [...selfMicros].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, us]) => a + us, 0);
const places = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of selfMicros) {
  const node = byId.get(id);
  if (!node || node.callFrame.functionName === "(idle)") continue;
  places.set(placeOf(node), (places.get(placeOf(node)) ?? 0) + us);
  const name = `${node.callFrame.functionName || "(anonymous)"} ${placeOf(node)}:${node.callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
}
const percent = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(`busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s profiled`);
console.log(`busy % per second: ${Array.from(busyPerSecond, (us) => Math.round((us ?? 0) / 1e4)).join(" ")}`);
console.log("\nself time by place:");
for (const [place, us] of [...places].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${percent(us)}  ${place}`);
console.log("\ntop functions (self time):");
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 20))) console.log(`  ${percent(us)}  ${name}`);
