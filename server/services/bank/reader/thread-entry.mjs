// The reader's thread runs the TypeScript sources, as the server does (`node --import tsx`); a
// worker does not inherit the server's loader everywhere it is started (Vitest, Next's bundle).
import { register } from "tsx/esm/api";

register();
await import("./thread.ts");
