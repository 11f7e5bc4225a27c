/**
 * The room's front door. Adding a room command or event: follow the recipe in ./README.md (the files it
 * touches, in order, and the tests it needs).
 */
export * from "./room-state";
export * from "./commands";
export * from "./events";
export * from "./room-error";
export * from "./policy";
export * from "./decide";
export * from "./apply";
export * from "./view-for";
export * from "./event-for-viewer";
export * from "./scratchpad";
export * from "./unreachable";
export * from "./call";
export { signalRefusal, type SignalRoute } from "./decide-call";
