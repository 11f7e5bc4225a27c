import { describe, expect, it } from "vitest";
import { EMPTY_BOARD, mergeBoard } from "./board";
import { boardToSvg } from "./board-svg";
import { arrow, rectangle } from "./test-elements";

describe("boardToSvg", () => {
  it("draws each live element in order, in its colours, within a box around them all", () => {
    const board = mergeBoard(EMPTY_BOARD, [
      rectangle({ id: "db", x: 100, y: 50, width: 120, height: 80, strokeColor: "#1971c2", backgroundColor: "#a5d8ff", index: "a0" }),
      arrow({
        id: "call",
        x: 220,
        y: 90,
        points: [
          [0, 0],
          [80, 0],
        ],
        index: "a1",
      }),
      { ...rectangle({ id: "gone", x: 5_000, index: "a2" }), isDeleted: true },
    ]).board;
    const svg = boardToSvg(board);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 248 128"/);
    expect(svg).toContain('<rect x="100" y="50" width="120" height="80" rx="0" fill="#a5d8ff" stroke="#1971c2"');
    expect(svg).toContain('<path d="M220 90 L300 90"');
    // The deleted rectangle far to the right neither shows nor widens the box.
    expect(svg).not.toContain('x="5000"');
    expect(svg.indexOf('fill="#a5d8ff"')).toBeLessThan(svg.indexOf("M220 90"));
  });

  it("writes text as text, escaped, one line per line", () => {
    const label = {
      ...rectangle({ id: "t" }),
      type: "text" as const,
      text: 'Cache <script>alert("x")</script>\n& queue',
      originalText: "",
      fontSize: 20,
      fontFamily: 5,
      textAlign: "left" as const,
      verticalAlign: "top" as const,
      containerId: null,
      autoResize: true,
      lineHeight: 1.25,
    };
    const svg = boardToSvg(mergeBoard(EMPTY_BOARD, [label]).board);
    expect(svg).toContain("Cache &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</tspan>");
    expect(svg).toContain('dy="25">&amp; queue</tspan>');
    expect(svg).not.toContain("<script");
  });

  it("says when nothing was drawn", () => {
    expect(boardToSvg(EMPTY_BOARD)).toContain("Nothing drawn");
  });
});
