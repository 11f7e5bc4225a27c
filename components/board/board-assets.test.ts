import { describe, expect, it } from "vitest";
import { sourcesOn } from "@/components/board/board-assets";

const ORIGIN = "https://mockroom.example";

describe("sourcesOn", () => {
  it("keeps a font face's sources on this origin, and data URLs, and drops the CDN's", () => {
    const ours = "url(https://mockroom.example/excalidraw/fonts/Excalifont/Excalifont-Regular-a88b.woff2) format('woff2')";
    const cdn = "url(https://esm.sh/@excalidraw/excalidraw@0.18.1/dist/prod/fonts/Excalifont/Excalifont-Regular-a88b.woff2) format('woff2')";
    expect(sourcesOn(ORIGIN, `${ours}, ${cdn}`)).toBe(ours);
    expect(sourcesOn(ORIGIN, "url(/excalidraw/fonts/Virgil/Virgil-Regular.woff2)")).toBe("url(/excalidraw/fonts/Virgil/Virgil-Regular.woff2)");
    // A data URL's commas are not separators between sources.
    expect(sourcesOn(ORIGIN, `url("data:font/woff2;base64,d09GMgAB,AAA") format('woff2'), ${cdn}`)).toBe(
      `url("data:font/woff2;base64,d09GMgAB,AAA") format('woff2')`,
    );
    expect(sourcesOn(ORIGIN, `local("Segoe UI"), ${cdn}`)).toBe(`local("Segoe UI")`);
    expect(sourcesOn(ORIGIN, "url(https://mockroom.example.evil.example/a.woff2)")).toBe("");
  });
});
