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
