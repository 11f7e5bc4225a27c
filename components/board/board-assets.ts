/**
 * Where the app serves Excalidraw's fonts (public/excalidraw/, copied from the npm package by
 * scripts/build-board-assets.ts): the whiteboard tells Excalidraw to load them from here
 * (`window.EXCALIDRAW_ASSET_PATH`), instead of from its CDN.
 */
export const BOARD_ASSETS_URL = "/excalidraw/";

/**
 * Excalidraw 0.18 gives each of its font faces its CDN's copy as a second source, after the asset
 * path's (excalidraw/excalidraw#11639). The Content-Security-Policy blocks it, but Chromium checks every
 * source of a `FontFace` when it is made, and reports each blocked one as a violation (and to the
 * DevTools as a request), about 230 of them when the board opens. From this call on, a font face made
 * in this page keeps only its sources on this origin: nothing else could load anyway.
 */
export function keepFontFacesOnThisOrigin(): void {
  const Native = window.FontFace;
  if (Object.hasOwn(Native, "onThisOrigin")) return;
  class FontFaceOnThisOrigin extends Native {
    static readonly onThisOrigin = true;
    constructor(family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
      super(family, typeof source === "string" ? sourcesOn(window.location.origin, source) : source, descriptors);
    }
  }
  window.FontFace = FontFaceOnThisOrigin;
}

/** The sources of a `FontFace` (CSS `src` syntax) that load from `origin`, or from the source itself (data:). */
export function sourcesOn(origin: string, source: string): string {
  return source
    .split(/,\s*(?=url\()/)
    .filter((part) => {
      const url = /^url\(\s*["']?([^"')\s]+)/.exec(part.trim())?.[1];
      if (!url) return true;
      try {
        const parsed = new URL(url, origin);
        return parsed.protocol === "data:" || parsed.origin === origin;
      } catch {
        return false;
      }
    })
    .join(", ");
}
