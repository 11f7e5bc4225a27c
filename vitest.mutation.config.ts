import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The tests StrykerJS runs against each mutant (npm run test:mutation): those that run the mutated code in
// their own process. The HTTP and browser suites start the app in another process, where a mutant is not
// switched on; tests/mutation/ drives the same authorisation table in process instead.
// MUTATION_QUICK=1 keeps to the unit tests and next-auth's configuration: minutes instead of hours, for
// server/domain and server/auth; the in-process authorisation table is what reaches server/services.
const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };
const quick = process.env.MUTATION_QUICK === "1";
// MUTATION_SCOPE=room: the room engine's own in-process tests only. Every cell of the authorisation table
// runs the engine, so with it each surviving engine mutant costs minutes; this scope measures the engine
// against the tests written for it (a lower bound of what the whole suite kills).
const roomOnly = process.env.MUTATION_SCOPE === "room";

export default defineConfig({
  resolve: { alias },
  test: {
    include: quick
      ? ["server/**/*.test.ts", "tests/mutation/auth-in-process.test.ts"]
      : roomOnly
        ? ["server/**/*.test.ts", "tests/integration/room-engine.test.ts"]
        : ["server/**/*.test.ts", "tests/mutation/**/*.test.ts", "tests/integration/bank-import.test.ts", "tests/integration/room-engine.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/database-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
