import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The tests StrykerJS runs against each mutant (npm run test:mutation): those that run the mutated code in
// their own process. The HTTP and browser suites start the app in another process, where a mutant is not
// switched on; tests/mutation/ drives the same authorisation table in process instead.
// MUTATION_QUICK=1 keeps to the unit tests and next-auth's configuration: minutes instead of hours, for
// server/domain and server/auth; the in-process authorisation table is what reaches server/services.
const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };
const quick = process.env.MUTATION_QUICK === "1";

export default defineConfig({
  resolve: { alias },
  test: {
    include: quick
      ? ["server/**/*.test.ts", "tests/mutation/auth-in-process.test.ts"]
      : ["server/**/*.test.ts", "tests/mutation/**/*.test.ts", "tests/integration/bank-import.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/database-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
