// `npm start`: builds the production bundle when there is none or the sources are newer, then serves.
import { ensureProductionBuild } from "./production-build";

const status = ensureProductionBuild();
if (status !== 0) process.exit(status);

// Assigned through Object.assign because the Next.js types mark NODE_ENV read-only.
Object.assign(process.env, { NODE_ENV: "production" });
await import("../server/index");
