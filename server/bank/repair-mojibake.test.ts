import { describe, expect, it } from "vitest";
import { WINDOWS_BYTE_OF, cp1252Char } from "./code-pages";
import { repairMojibake } from "./repair-mojibake";

const CP1254: Record<number, number> = { 0xd0: 0x011e, 0xdd: 0x0130, 0xde: 0x015e, 0xf0: 0x011f, 0xfd: 0x0131, 0xfe: 0x015f };

/** What a Windows-1252 (or -1254) decoder makes of UTF-8, minus the bytes it cannot show. */
function garble(text: string, codePage: "1252" | "1254" = "1252"): string {
  let out = "";
  for (const b of new TextEncoder().encode(text)) {
    const ch = codePage === "1254" && (b === 0x8e || b === 0x9e) ? undefined : codePage === "1254" ? (CP1254[b] ?? cp1252Char(b)) : cp1252Char(b);
    if (ch !== undefined) out += String.fromCharCode(ch);
  }
  return out;
}

describe("repairMojibake", () => {
  it("restores quotes whose last byte was dropped", () => {
    expect(garble("“Wall-clock time is for humans.”")).toBe("â€œWall-clock time is for humans.â€");
    expect(repairMojibake("â€œWall-clock time is for humans.â€").text).toBe("“Wall-clock time is for humans.”");
  });

  it("round-trips dashes, arrows, box drawing, maths and emoji through both code pages", () => {
    const text = "a – b — c → d ← e ≠ f ≤ g × h ┌──┐ │ └──┘ ✅ ❌ 🚩 🎯 🔍 📚 🎙️ 1️⃣ λ";
    expect(repairMojibake(garble(text)).text).toBe(text);
    expect(repairMojibake(garble(text, "1254")).text).toBe(text);
  });

  it("never touches correct text", () => {
    for (const text of ["café", "naïve", "Ærø", "€5 and 10 €", "“quoted” — fine", "Straße, İstanbul, ğ", "SÃO PAULO", "Â"]) {
      expect(repairMojibake(text)).toEqual({ text, fixed: 0 });
    }
  });

  it("maps every Windows character back to its byte", () => {
    expect(WINDOWS_BYTE_OF.get(0x201d)).toBe(0x94);
    expect(WINDOWS_BYTE_OF.get(0x011f)).toBe(0xf0);
  });

  it("counts what it fixed", () => {
    expect(repairMojibake("donâ€™t â†’ go").fixed).toBe(2);
  });
});
