import { describe, expect, it } from "vitest";
import { capWasmMemory } from "./memory-cap";

describe("the WebAssembly memory cap", () => {
  it("refuses to grow a memory past the limit, and lets it grow below", () => {
    const uncap = capWasmMemory(() => 4 * 65_536);
    try {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 100 });
      expect(memory.grow(2)).toBe(1);
      expect(() => memory.grow(2)).toThrow(/over the code runner's limit/);
      expect(memory.grow(1)).toBe(3);
    } finally {
      uncap();
    }
    expect(new WebAssembly.Memory({ initial: 1, maximum: 100 }).grow(10)).toBe(1);
  });
});
