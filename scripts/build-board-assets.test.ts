import { describe, expect, it } from "vitest";
import { boardFontFiles } from "./build-board-assets";

describe("the whiteboard's fonts copied into public/excalidraw", () => {
  it("are found in the Excalidraw package: a folder per family, woff2 files only", () => {
    const files = boardFontFiles();
    const families = new Set(files.map((name) => name.split("/")[0]));
    // Excalifont is the hand-drawn default; Nunito, Comic Shanns and Liberation are the picker's others; Xiaolai covers CJK.
    expect([...families]).toEqual(expect.arrayContaining(["Excalifont", "Nunito", "ComicShanns", "Liberation", "Virgil", "Cascadia", "Xiaolai"]));
    expect(files.every((name) => /^[A-Za-z]+\/[^/]+\.woff2$/.test(name))).toBe(true);
  });
});
