// What the room page's first-load chunks are made of, module by module, from Next.js's own bundle analysis
// (`next analyze --output`, then `next analyze export --route /room/[id]`): a Turbopack compile of the same
// sources as the build, which names each module's share of each output file. The first load is every
// client output that the route's bootstrap and its rendered components need (the groups that are not
// `async`: those are the dynamic imports, loaded on demand). Chunk file names differ from the build's;
// module sizes (minified) are the same.
import { spawnSync } from "node:child_process";
import path from "node:path";

interface AnalysisRecord {
  type: string;
  kind?: string;
  outputs?: string[];
  filename?: string;
  source_path?: string;
  size?: number;
  compressed_size?: number;
}

export interface ModuleSize {
  /** Minified bytes in the chunks. */
  bytes: number;
  /** The analysis's own compressed size of this module alone (an upper bound of its share of a gzipped chunk). */
  compressedBytes: number;
}

export interface ModuleDelta extends ModuleSize {
  module: string;
  /** Where it comes from: an npm package, or the project's folder. */
  owner: string;
}

export interface FirstLoadModules {
  /** Every first-load module, by source path. */
  modules: Map<string, ModuleSize>;
  total: ModuleSize;
}

function next(appDir: string, args: string[]): string {
  const result = spawnSync(process.execPath, [path.join(appDir, "node_modules/next/dist/bin/next"), ...args], {
    cwd: appDir,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) throw new Error(`next ${args.join(" ")} in ${appDir} failed (${result.status})`);
  return result.stdout;
}

/** Runs the analysis in `appDir` (a compile: about as long as the build's) and reads the room route's first load. */
export function analyzeFirstLoad(appDir: string, log: (line: string) => void): FirstLoadModules {
  log(`${appDir}: next analyze --output…`);
  process.stderr.write(next(appDir, ["analyze", "--output"]));
  return firstLoadOf(next(appDir, ["analyze", "export", "--route", "/room/[id]"]));
}

/** The first-load modules in a route's exported analysis (JSON Lines): the parts of the JavaScript outputs of its groups that are not `async`. */
export function firstLoadOf(jsonLines: string): FirstLoadModules {
  const records = jsonLines
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AnalysisRecord);
  const firstLoadFiles = new Set(
    records
      .filter((record) => record.type === "group" && record.kind !== "async")
      .flatMap((record) => (record.outputs ?? []).filter((file) => file.endsWith(".js"))),
  );
  const modules = new Map<string, ModuleSize>();
  for (const record of records) {
    if (record.type !== "part" || !record.filename || !firstLoadFiles.has(record.filename) || !record.source_path) continue;
    const known = modules.get(record.source_path) ?? { bytes: 0, compressedBytes: 0 };
    modules.set(record.source_path, { bytes: known.bytes + (record.size ?? 0), compressedBytes: known.compressedBytes + (record.compressed_size ?? 0) });
  }
  const total = [...modules.values()].reduce((sum, size) => ({ bytes: sum.bytes + size.bytes, compressedBytes: sum.compressedBytes + size.compressedBytes }), {
    bytes: 0,
    compressedBytes: 0,
  });
  return { modules, total };
}

/** "@codemirror/collab", "components/pad", "next"… */
export function ownerOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage?.[1]) return inPackage[1];
  // A chunk's own code (Turbopack's loading of the chunks it needs), not a source module.
  if (source.startsWith("[client-fs]")) return "(chunk loading)";
  const local = source.replace(/^\[project\]\//, "");
  return local.includes("/") ? local.slice(0, local.lastIndexOf("/")) : local;
}

/** The modules whose first-load size changed from `before` to `after` (added, grown, shrunk, removed), biggest change first. */
export function moduleDeltas(before: FirstLoadModules, after: FirstLoadModules): ModuleDelta[] {
  const names = new Set([...before.modules.keys(), ...after.modules.keys()]);
  const deltas: ModuleDelta[] = [];
  for (const source of names) {
    const was = before.modules.get(source) ?? { bytes: 0, compressedBytes: 0 };
    const is = after.modules.get(source) ?? { bytes: 0, compressedBytes: 0 };
    if (was.bytes === is.bytes) continue;
    deltas.push({
      module: source.replace(/^\[project\]\//, ""),
      owner: ownerOf(source),
      bytes: is.bytes - was.bytes,
      compressedBytes: is.compressedBytes - was.compressedBytes,
    });
  }
  return deltas.sort((a, b) => Math.abs(b.bytes) - Math.abs(a.bytes));
}

/** The deltas summed by owner, biggest change first. */
export function byOwner(deltas: ModuleDelta[]): Array<{ owner: string; modules: number } & ModuleSize> {
  const owners = new Map<string, { owner: string; modules: number } & ModuleSize>();
  for (const delta of deltas) {
    const sum = owners.get(delta.owner) ?? { owner: delta.owner, modules: 0, bytes: 0, compressedBytes: 0 };
    owners.set(delta.owner, { ...sum, modules: sum.modules + 1, bytes: sum.bytes + delta.bytes, compressedBytes: sum.compressedBytes + delta.compressedBytes });
  }
  return [...owners.values()].sort((a, b) => Math.abs(b.bytes) - Math.abs(a.bytes));
}
