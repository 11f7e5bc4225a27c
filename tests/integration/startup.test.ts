import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
    // Only what the test gives: nothing from the developer's shell may make start-up valid.
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("start-up configuration", () => {
  it("stops with a message naming an invalid variable", () => {
    const result = startWith({ PORT: "eighty" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).toContain("Invalid environment configuration");
  });

  it("names every invalid variable at once", () => {
    const result = startWith({ DATABASE_URL: "not a url", AUTH_SECRET: "short", GITHUB_ID: "abc" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL/);
    expect(result.stderr).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(result.stderr).toMatch(/GITHUB_SECRET: must be set together with GITHUB_ID/);
  });
});
