import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { excalidrawHue, pointerIdFor } from "@/components/board/excalidraw-setup";
import { memberColor } from "@/components/pad/remote-cursors";

/** The installed Excalidraw's own `getClientColor`, taken from its development build (it is not exported). */
function installedClientColor(): (socketId: string, collaborator: { id: string }) => string {
  const source = readFileSync(path.resolve("node_modules/@excalidraw/excalidraw/dist/dev/index.js"), "utf8");
  const hash = /function hashToInteger\(id\) \{[\s\S]*?\n\}/.exec(source)?.[0];
  const color = /var getClientColor = \([\s\S]*?\n\};/.exec(source)?.[0];
  if (!hash || !color) throw new Error("Excalidraw's getClientColor was not found: check pointerIdFor against the new version");
  return new Function(`${hash}\n${color}\nreturn getClientColor;`)() as never;
}

describe("a member's pointer on the whiteboard", () => {
  it("is coloured as the installed Excalidraw colours it", () => {
    const getClientColor = installedClientColor();
    for (let i = 0; i < 300; i++) {
      const id = `cm${(i * 7919).toString(36)}user${i}~${i % 13}`;
      expect(getClientColor("socket", { id })).toBe(`hsl(${excalidrawHue(id)}, 100%, 83%)`);
    }
  });

  it("gets an id in the hue of the member's colour in the room, the member's id kept in it", () => {
    const hues = [221, 330, 161, 32, 263, 192, 0, 85];
    for (const [index, hue] of hues.entries()) {
      const userId = `cmxuser${index}abcdef`;
      const id = pointerIdFor(userId, memberColor(index));
      expect(id.startsWith(userId)).toBe(true);
      const drawn = excalidrawHue(id);
      expect(Math.min(Math.abs(drawn - hue), 360 - Math.abs(drawn - hue)), `member ${index}`).toBeLessThanOrEqual(5);
    }
  });
});
