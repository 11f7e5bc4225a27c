import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { authorizationTableMarkdown } from "./authorization-table";

const DOC = "docs/security.md";
const START = "<!-- authorization-table:start -->";
const END = "<!-- authorization-table:end -->";

describe("docs/security.md", () => {
  it("shows the authorisation table the suite enforces (UPDATE_DOCS=1 rewrites it)", async () => {
    const doc = await readFile(DOC, "utf8");
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const expected = `${START}\n${authorizationTableMarkdown()}\n${END}`;
    if (process.env.UPDATE_DOCS === "1") await writeFile(DOC, doc.slice(0, start) + expected + doc.slice(end + END.length));
    else expect(doc.slice(start, end + END.length)).toBe(expected);
  });
});
