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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const RUNTIMES_DIR = path.join(ROOT, "public/runtimes");
const ENTRIES = path.join(ROOT, "components/runner/worker/entries");
export const WORKER_LANGUAGES = ["python", "javascript", "typescript", "sql"] as const;

/** What is copied from each package: the files its loader fetches, nothing else (no Node builds, maps or extensions). */
const COPIES: { from: string; to: string; keep: (name: string) => boolean }[] = [
  {
    from: "node_modules/pyodide",
    to: "pyodide",
    keep: (name) => ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].includes(name),
  },
  { from: "node_modules/@electric-sql/pglite/dist", to: "pglite", keep: (name) => /\.(js|wasm|data)$/.test(name) },
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

function copyRuntimes(): string[] {
  const written: string[] = [];
  for (const { from, to, keep } of COPIES) {
    const source = path.join(ROOT, from);
    const target = path.join(RUNTIMES_DIR, to);
    const wanted = readdirSync(source).filter((name) => keep(name) && statSync(path.join(source, name)).isFile());
    if (wanted.length === 0) throw new Error(`${from}: none of the runtime's files were found (is the package installed?)`);
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(target)) if (!wanted.includes(name)) rmSync(path.join(target, name), { force: true });
    for (const name of wanted) {
      const file = path.join(target, name);
      if (
        existsSync(file) &&
        statSync(file).size === statSync(path.join(source, name)).size &&
        readFileSync(file).equals(readFileSync(path.join(source, name)))
      )
        continue;
      copyFileSync(path.join(source, name), file);
      written.push(path.relative(ROOT, file));
    }
  }
  return written;
}

/** Brings public/runtimes/ up to date; returns the files written. */
export function buildRuntimes(): string[] {
  return [...bundleWorkers(), ...copyRuntimes()];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = buildRuntimes();
  console.log(`[mockroom] code runner: ${written.length === 0 ? "public/runtimes is up to date" : `wrote ${written.length} file(s) in public/runtimes`}`);
}
