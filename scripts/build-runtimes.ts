// The code runner's files, served by the app from public/runtimes/ (gitignored): one bundled worker script
// per language (components/runner/worker/entries/) and the runtimes' own files copied from their npm
// packages (Pyodide, PGlite, QuickJS's wasm). Run at `npm install`, before `npm run dev` and `next build`,
// and by `npm start`'s build check (scripts/production-build.ts). A file is written only when its bytes
// change, so the build check's timestamps stay meaningful.
//
// Why not Next's bundler: the workers are module workers loaded by URL, never imported by a page, so the
// room's first-load JavaScript cannot grow by them; their folder gets a Content-Security-Policy of its own
// (server/platform/http/security-headers.ts); and Pyodide and PGlite load their wasm and data files
// relative to their own script, which must therefore be served as published.
import { buildSync } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const RUNTIMES_DIR = path.join(ROOT, "public/runtimes");
const ENTRIES = path.join(ROOT, "components/runner/worker/entries");
export const WORKER_LANGUAGES = ["python", "javascript", "typescript", "sql"] as const;

/**
 * What is copied from each package: the files its loader fetches, nothing else (no Node builds, maps or
 * extensions). A file named in `gzip` is stored gzipped as `<name>.gz`, for files the app would serve
 * uncompressed (application/octet-stream): PGlite's file-system bundle is 6.3 MB, 1.9 MB gzipped, and the
 * SQL worker inflates it itself (DecompressionStream).
 */
export const COPIES: { from: string; to: string; keep: (name: string) => boolean; gzip?: string[] }[] = [
  {
    from: "node_modules/pyodide",
    to: "pyodide",
    keep: (name) => ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].includes(name),
  },
  { from: "node_modules/@electric-sql/pglite/dist", to: "pglite", keep: (name) => /\.(js|wasm|data)$/.test(name), gzip: ["pglite.data"] },
  { from: "node_modules/@jitl/quickjs-wasmfile-release-sync/dist", to: "quickjs", keep: (name) => name === "emscripten-module.wasm" },
];

function writeIfChanged(file: string, contents: Uint8Array): boolean {
  if (existsSync(file) && Buffer.compare(readFileSync(file), contents) === 0) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contents);
  return true;
}

function bundleWorkers(): string[] {
  const result = buildSync({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(WORKER_LANGUAGES.map((language) => [`${language}.worker`, path.join(ENTRIES, `${language}.worker.ts`)])),
    outdir: RUNTIMES_DIR,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles.filter((file) => writeIfChanged(file.path, file.contents)).map((file) => path.relative(ROOT, file.path));
}

/** The files of each runtime's package that would be copied, by folder of public/runtimes/. */
export function runtimeFiles(): Record<string, string[]> {
  return Object.fromEntries(COPIES.map(({ from, to, keep }) => [to, readdirSync(path.join(ROOT, from)).filter(keep).sort()]));
}

function copyRuntimes(): string[] {
  const written: string[] = [];
  for (const { from, to, keep, gzip = [] } of COPIES) {
    const source = path.join(ROOT, from);
    const target = path.join(RUNTIMES_DIR, to);
    const wanted = readdirSync(source).filter((name) => keep(name) && statSync(path.join(source, name)).isFile());
    if (wanted.length === 0) throw new Error(`${from}: none of the runtime's files were found (is the package installed?)`);
    const targetName = (name: string) => (gzip.includes(name) ? `${name}.gz` : name);
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(target)) if (!wanted.map(targetName).includes(name)) rmSync(path.join(target, name), { force: true });
    for (const name of wanted) {
      const file = path.join(target, targetName(name));
      if (copyOne(path.join(source, name), file, gzip.includes(name))) written.push(path.relative(ROOT, file));
    }
  }
  return written;
}

/** Copies (or gzips) a file unless the target is already its copy; true when it wrote. */
function copyOne(source: string, target: string, gzip: boolean): boolean {
  if (gzip) {
    // Gzipping takes a second: done again only when the package's file is newer than the copy.
    if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) return false;
    writeFileSync(target, gzipSync(readFileSync(source), { level: 9 }));
    return true;
  }
  if (existsSync(target) && statSync(target).size === statSync(source).size && readFileSync(target).equals(readFileSync(source))) return false;
  copyFileSync(source, target);
  return true;
}

/** Brings public/runtimes/ up to date; returns the files written. */
export function buildRuntimes(): string[] {
  return [...bundleWorkers(), ...copyRuntimes()];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = buildRuntimes();
  console.log(`[mockroom] code runner: ${written.length === 0 ? "public/runtimes is up to date" : `wrote ${written.length} file(s) in public/runtimes`}`);
}
