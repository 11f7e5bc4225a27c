import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The tests StrykerJS runs against each mutant (npm run test:mutation): those that run the mutated code in
// their own process. The HTTP and browser suites start the app in another process, where a mutant is not
// switched on; tests/mutation/ drives the same authorisation table in process instead.
const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["server/**/*.test.ts", "tests/mutation/**/*.test.ts", "tests/integration/bank-import.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/database-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
