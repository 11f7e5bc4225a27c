import { describe, expect, it } from "vitest";
import { BOARD_LIMITS } from "./board";
import { excalidrawFences, readExcalidrawJson } from "./excalidraw-json";
import { arrow, rectangle } from "./test-elements";

const box = rectangle({ id: "api", x: 10, y: 20 });
const call = arrow({ id: "call", x: 110, y: 50 });

describe("readExcalidrawJson", () => {
  it("reads a .excalidraw file, the clipboard's JSON and a bare list alike, without deleted elements or fields the board does not keep", () => {
    const file = {
      type: "excalidraw",
      version: 2,
      source: "https://excalidraw.com",
      elements: [{ ...box, customData: { x: 1 } }, call],
      appState: {},
      files: {},
    };
    const clipboard = { type: "excalidraw/clipboard", elements: [box, call, { ...rectangle({ id: "gone" }), isDeleted: true }], files: {} };
    for (const text of [JSON.stringify(file), JSON.stringify(clipboard), JSON.stringify([box, call])]) {
      expect(readExcalidrawJson(text)).toEqual({ ok: true, elements: [box, call] });
    }
  });

  it("reads a file an older Excalidraw saved, giving the fields added since the values Excalidraw gives them", () => {
    const older = (element: Record<string, unknown>, dropped: string[]) =>
      Object.fromEntries(Object.entries(element).filter(([field]) => !dropped.includes(field)));
    const box = { ...older(rectangle({ id: "box" }), ["roundness", "index", "frameId", "locked"]), strokeSharpness: "round" };
    const label = older(
      {
        ...rectangle({ id: "label" }),
        type: "text",
        text: "Cache",
        originalText: "Cache",
        fontSize: 20,
        fontFamily: 1,
        textAlign: "left",
        verticalAlign: "top",
        containerId: null,
        autoResize: true,
        lineHeight: 1.25,
      },
      ["roundness", "index", "frameId", "locked", "autoResize", "lineHeight"],
    );
    const link = older(arrow({ id: "link" }), ["roundness", "index", "frameId", "locked", "elbowed"]);
    const read = readExcalidrawJson(JSON.stringify({ type: "excalidraw", version: 2, elements: [box, label, link] }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [shape, text, line] = read.elements as Array<Record<string, unknown>>;
    expect(shape).toMatchObject({ roundness: { type: 3 }, index: null, frameId: null, locked: false });
    expect(text).toMatchObject({ roundness: null, autoResize: true, lineHeight: 1.25 });
    expect(line).toMatchObject({ roundness: null, elbowed: false });
    // What a current file has is kept as it is.
    const current = readExcalidrawJson(JSON.stringify([rectangle({ id: "now", index: "a5", locked: true })]));
    expect(current.ok && current.elements[0]).toMatchObject({ index: "a5", locked: true });
  });

  it("refuses what is not a diagram the board takes, naming the element and field", () => {
    expect(readExcalidrawJson("{ elements: [")).toEqual({ ok: false, message: "it is not JSON" });
    expect(readExcalidrawJson('{"type":"excalidraw"}')).toMatchObject({ ok: false, message: expect.stringContaining("no list of elements") });
    expect(readExcalidrawJson(JSON.stringify([box, { ...call, strokeColor: "url(javascript:alert(1))" }]))).toEqual({
      ok: false,
      message: "element 2 (strokeColor): is not a colour",
    });
    expect(readExcalidrawJson(JSON.stringify([{ ...box, type: "image", fileId: "f" }]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^element 1 \(type\)/),
    });
    const many = Array.from({ length: BOARD_LIMITS.elements + 1 }, (_, i) => rectangle({ id: `r${i}` }));
    expect(readExcalidrawJson(JSON.stringify(many))).toEqual({ ok: false, message: "A starting diagram holds at most 5,000 elements." });
  });
});

describe("excalidrawFences", () => {
  it("takes every excalidraw block out of the Markdown and leaves the rest as it was", () => {
    const markdown = 'Here is the current architecture.\n\n```excalidraw\n[1]\n```\n\nWhat breaks at 10x?\n\n````excalidraw\n["```"]\n````';
    expect(excalidrawFences(markdown)).toEqual({ rest: "Here is the current architecture.\n\nWhat breaks at 10x?", blocks: ["[1]", '["```"]'] });
    expect(excalidrawFences("~~~excalidraw\n{}\n~~~")).toEqual({ rest: null, blocks: ["{}"] });
  });

  it("leaves other code blocks, and an excalidraw block never closed, alone", () => {
    const markdown = "```json\n{}\n```\n\n```excalidraw\n{}";
    expect(excalidrawFences(markdown)).toEqual({ rest: markdown, blocks: [] });
  });
});
