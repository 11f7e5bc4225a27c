import { describe, expect, it } from "vitest";
import { splitPlainText } from "./split-plain-text";

describe("splitPlainText", () => {
  it("turns bullet runs into lists and keeps other lines as their own paragraphs", () => {
    const { units } = splitPlainText("Question 1: Title\n\nWhat is tested:\n  • Depth: knows it\n  • Breadth: knows more\n- plain dash\n");
    expect(units.map((u) => u.kind)).toEqual(["line", "line", "list"]);
    const list = units[2];
    expect(list?.kind === "list" && list.items.map((i) => i.text)).toEqual(["Depth: knows it", "Breadth: knows more", "plain dash"]);
    expect(list?.md).toBe("- Depth: knows it\n- Breadth: knows more\n- plain dash");
  });

  it("fences code that lost its line breaks and restores the obvious ones", () => {
    const { units, codeLinesRestored } = splitPlainText(
      "Diagnostic command:\n\nconst admin = client.db().admin();const status = await admin.serverStatus();\n    console.log(status);\n\nThen read it.",
    );
    expect(units.map((u) => u.kind)).toEqual(["line", "code", "line"]);
    expect(units[1]?.md).toBe("```\nconst admin = client.db().admin();\nconst status = await admin.serverStatus();\nconsole.log(status);\n```");
    expect(codeLinesRestored).toBe(1);
  });

  it("escapes Markdown syntax at the start of a plain line", () => {
    expect(splitPlainText("# not a heading\nnext").units[0]?.md).toBe("\\# not a heading");
  });
});
