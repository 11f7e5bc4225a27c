/**
 * Where the app serves Excalidraw's fonts (public/excalidraw/, copied from the npm package by
 * scripts/build-board-assets.ts): the whiteboard tells Excalidraw to load them from here
 * (`window.EXCALIDRAW_ASSET_PATH`), instead of from its CDN.
 */
export const BOARD_ASSETS_URL = "/excalidraw/";
