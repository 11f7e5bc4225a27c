import { describe, expect, it } from "vitest";
import { byOwner, firstLoadOf, moduleDeltas, ownerOf } from "./modules";

const line = (record: object) => JSON.stringify(record);

/** A route's analysis: a bootstrap chunk, a rendered component's chunk, and a dynamic import's chunk. */
function analysis(parts: Array<[file: string, source: string, size: number]>): string {
  return [
    line({ type: "meta", schema_version: 1 }),
    line({ type: "group", kind: "bootstrap", outputs: ["[client-fs]/_next/static/chunks/boot.js"] }),
    line({ type: "group", kind: "render_dependent", outputs: ["[client-fs]/_next/static/chunks/room.css", "[client-fs]/_next/static/chunks/room.js"] }),
    line({ type: "group", kind: "async", outputs: ["[client-fs]/_next/static/chunks/lang.js"] }),
    ...parts.map(([file, source, size]) =>
      line({ type: "part", filename: `[client-fs]/_next/static/chunks/${file}`, source_path: source, size, compressed_size: size / 2 }),
    ),
  ].join("\n");
}

describe("firstLoadOf", () => {
  it("counts the JavaScript of the groups that are not async, a module in two of them twice", () => {
    const loaded = firstLoadOf(
      analysis([
        ["boot.js", "[project]/node_modules/next/dist/client/app-next-turbopack.js", 100],
        ["room.js", "[project]/components/pad/collab-pad.tsx", 40],
        ["boot.js", "[project]/components/pad/collab-pad.tsx", 2],
        ["room.css", "[project]/app/globals.css", 500],
        ["lang.js", "[project]/node_modules/@codemirror/lang-python/dist/index.js", 900],
      ]),
    );
    expect(Object.fromEntries(loaded.modules)).toEqual({
      "[project]/node_modules/next/dist/client/app-next-turbopack.js": { bytes: 100, compressedBytes: 50 },
      "[project]/components/pad/collab-pad.tsx": { bytes: 42, compressedBytes: 21 },
    });
    expect(loaded.total).toEqual({ bytes: 142, compressedBytes: 71 });
  });
});

describe("moduleDeltas and byOwner", () => {
  const before = firstLoadOf(
    analysis([
      ["room.js", "[project]/components/room/scratchpad.tsx", 60],
      ["room.js", "[project]/node_modules/@codemirror/view/dist/index.js", 1000],
      ["room.js", "[project]/components/room/room-screen.tsx", 30],
    ]),
  );
  const after = firstLoadOf(
    analysis([
      ["room.js", "[project]/node_modules/@codemirror/view/dist/index.js", 1000],
      ["room.js", "[project]/node_modules/@codemirror/collab/dist/index.js", 16],
      ["room.js", "[project]/components/pad/collab-pad.tsx", 30],
      ["room.js", "[project]/components/pad/pad-sync.ts", 40],
      ["room.js", "[project]/components/room/room-screen.tsx", 36],
    ]),
  );

  it("lists what was added, removed or resized, the biggest change first, and leaves the unchanged out", () => {
    expect(moduleDeltas(before, after).map(({ module, bytes }) => [module, bytes])).toEqual([
      ["components/room/scratchpad.tsx", -60],
      ["components/pad/pad-sync.ts", 40],
      ["components/pad/collab-pad.tsx", 30],
      ["node_modules/@codemirror/collab/dist/index.js", 16],
      ["components/room/room-screen.tsx", 6],
    ]);
  });

  it("sums the changes by package or folder", () => {
    expect(byOwner(moduleDeltas(before, after)).map(({ owner, modules, bytes }) => [owner, modules, bytes])).toEqual([
      ["components/pad", 2, 70],
      ["components/room", 2, -54],
      ["@codemirror/collab", 1, 16],
    ]);
  });

  it("names the owner: a scoped or plain package, a project folder, a chunk's own loading code", () => {
    expect(ownerOf("[project]/node_modules/@codemirror/collab/dist/index.js")).toBe("@codemirror/collab");
    expect(ownerOf("[project]/node_modules/zod/v4/core/schemas.js")).toBe("zod");
    expect(ownerOf("[project]/server/domain/review/timeline.ts")).toBe("server/domain/review");
    expect(ownerOf("[client-fs]/_next/static/chunks/0k9r4f3-6b4ij.js")).toBe("(chunk loading)");
  });
});
