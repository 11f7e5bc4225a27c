import { describe, expect, it } from "vitest";
import { boardText } from "../room/test-fixtures";
import { boardOf, EMPTY_BOARD } from "./board";
import { boardDataUri, describeBoard, drawnElements, hasDrawing } from "./board-image";
import { boardToSvg } from "./board-svg";
import { arrow, rectangle } from "./test-elements";

const gone = { ...rectangle({ id: "gone", index: "a9" }), isDeleted: true };

describe("a board as the record shows it", () => {
  it("says what is drawn and the words on it, leaving out what was deleted", () => {
    const board = boardOf([
      rectangle({ id: "api", index: "a0" }),
      { ...rectangle({ id: "db", index: "a1" }), type: "ellipse" },
      arrow({ id: "call", index: "a2" }),
      { ...boardText("db-label", "Cache", 1), index: "a3", y: 100 },
      { ...boardText("label", "API\ngateway", 1), index: "a4", x: 50 },
      { ...boardText("old", "DELETED_WORDS", 1), index: "a5", isDeleted: true },
      gone,
    ]);
    expect(describeBoard(board)).toBe("A drawing of 2 shapes and 1 arrow, with the words: API gateway; Cache.");
    expect(describeBoard(boardOf([boardText("t", "Only words", 1)]))).toBe("A drawing of text only, with the words: Only words.");
    expect(describeBoard(boardOf([gone]))).toBe("Nothing was drawn.");
    expect(describeBoard(boardOf([{ ...boardText("long", "word ".repeat(200), 1) }])).length).toBeLessThan(360);
  });

  it("has a drawing only when an element shows", () => {
    expect(hasDrawing(EMPTY_BOARD)).toBe(false);
    expect(hasDrawing(boardOf([gone]))).toBe(false);
    expect(hasDrawing(boardOf([gone, rectangle({ id: "a" })]))).toBe(true);
    expect(drawnElements(boardOf([gone, rectangle({ id: "b", index: "a1" }), rectangle({ id: "a", index: "a2" })])).map((e) => e.id)).toEqual(["b", "a"]);
  });

  it("is its SVG as a base64 data URI, whatever the script of its words", () => {
    const board = boardOf([rectangle({ id: "a" }), boardText("t", "Ærø → 缓存 <b>&", 1)]);
    const uri = boardDataUri(board);
    expect(uri).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(uri.slice(uri.indexOf(",") + 1), "base64").toString("utf8")).toBe(boardToSvg(board));
    // A drawing larger than one slice of the encoder.
    const big = boardOf(Array.from({ length: 2_000 }, (_, i) => rectangle({ id: `r${i}`, x: i })));
    const bigUri = boardDataUri(big);
    expect(Buffer.from(bigUri.slice(bigUri.indexOf(",") + 1), "base64").toString("utf8")).toBe(boardToSvg(big));
  });
});
