import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function bank(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "server/cli/bank.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run bank -- parse", () => {
  it("prints each document with its report, and warns on stderr about passages it did not use", () => {
    const { code, stdout, stderr } = bank("parse", "content/banks/1-senior-gotcha-questions.txt", "tests/fixtures/bank/own-notes-numbered.md");
    expect(code).toBe(0);
    const [seed, notes] = JSON.parse(stdout) as { questions: unknown[]; report: { structure: string; unused: { line: number }[] } }[];
    expect(seed?.questions).toHaveLength(10);
    expect(seed?.report.unused.map((u) => u.line)).toEqual([3, 480, 493, 517]);
    expect(notes?.report).toMatchObject({ unused: [], structure: expect.stringMatching(/^Questions are numbered paragraphs/) });
    expect(stderr).toContain("1-senior-gotcha-questions.txt: 10 questions, 0 follow-ups; warning: 4 passages not used");
    expect(stderr).toMatch(/own-notes-numbered\.md: 3 questions, 0 follow-ups\n/);
  });

  it("says what it saw in a file with no questions, and exits 1 with nothing on stdout", () => {
    const { code, stdout, stderr } = bank("parse", "tests/fixtures/bank/plain-qa.txt", "README.md");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/No interview questions were found in README\.md\. It read \d+ headings/);
  });
});
