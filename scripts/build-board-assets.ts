// The whiteboard's fonts, served by the app from public/excalidraw/ (gitignored): Excalidraw loads the
// fonts its text uses from `window.EXCALIDRAW_ASSET_PATH` (components/board/board-assets.ts), and would
// otherwise load them from a CDN. Copied from the npm package at `npm install`, before `npm run dev` and
// `next build`, and by `npm start`'s build check (scripts/production-build.ts). A file is written only
// when its bytes change, so the build check's timestamps stay meaningful.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BOARD_ASSETS_URL } from "../components/board/board-assets";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = path.join(ROOT, "node_modules/@excalidraw/excalidraw/dist/prod/fonts");
export const BOARD_ASSETS_DIR = path.join(ROOT, "public", BOARD_ASSETS_URL, "fonts");

/** The font files of the package, relative to its fonts folder (one folder per family). */
export function boardFontFiles(): string[] {
  if (!existsSync(SOURCE)) throw new Error(`${path.relative(ROOT, SOURCE)} was not found (is @excalidraw/excalidraw installed?)`);
  return readdirSync(SOURCE, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".woff2") && statSync(path.join(SOURCE, name)).isFile())
    .sort();
}

function sameBytes(source: string, target: string): boolean {
  return existsSync(target) && statSync(target).size === statSync(source).size && readFileSync(target).equals(readFileSync(source));
}

/** Brings public/excalidraw/fonts/ up to date with the package, removing what it no longer has; returns the files written. */
export function buildBoardAssets(): string[] {
  const wanted = boardFontFiles();
  const written: string[] = [];
  if (existsSync(BOARD_ASSETS_DIR)) {
    const kept = new Set(wanted);
    for (const name of readdirSync(BOARD_ASSETS_DIR, { recursive: true, encoding: "utf8" })) {
      const file = path.join(BOARD_ASSETS_DIR, name);
      if (statSync(file).isFile() && !kept.has(name)) rmSync(file);
    }
  }
  for (const name of wanted) {
    const source = path.join(SOURCE, name);
    const target = path.join(BOARD_ASSETS_DIR, name);
    if (sameBytes(source, target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    written.push(path.relative(ROOT, target));
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = buildBoardAssets();
  console.log(`[mockroom] whiteboard: ${written.length === 0 ? "public/excalidraw is up to date" : `wrote ${written.length} file(s) in public/excalidraw`}`);
}
