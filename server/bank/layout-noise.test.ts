import { describe, expect, it } from "vitest";
import type { Unit } from "./blocks";
import { plainInline } from "./inline-text";
import { isLayoutOnly } from "./layout-noise";

const line = (md: string): Unit => ({ kind: "line", md, text: plainInline(md), line: 1, block: 1 });
const html = (value: string): Unit => ({ kind: "html", value, md: value, line: 1, block: 1 });

describe("isLayoutOnly", () => {
  it("navigation links, drawn rules and presentational HTML", () => {
    expect(isLayoutOnly(line("**[⬆ Back to Top](#table-of-contents)**"))).toBe(true);
    expect(isLayoutOnly(line("⬆ back to top"))).toBe(true);
    expect(isLayoutOnly(line("----- END -----"))).toBe(true);
    expect(isLayoutOnly(html("</p>"))).toBe(true);
    expect(isLayoutOnly(html('<a href="#top">Back to top</a>'))).toBe(true);
    const toc: Unit = { kind: "table", rows: [], md: "| No. | Questions |\n|---|---|\n| 1 | [What is X?](#what-is-x) |", line: 1, block: 1 };
    expect(isLayoutOnly(toc)).toBe(true);
  });

  it("keeps content that merely contains a link", () => {
    expect(isLayoutOnly(line("See [the docs](#setup) before answering."))).toBe(false);
    expect(isLayoutOnly(line("Back to basics: what is a closure?"))).toBe(false);
    expect(isLayoutOnly(html("<details>\n<summary>What is X?</summary>"))).toBe(false);
  });
});
