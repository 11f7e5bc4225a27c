import { describe, expect, it } from "vitest";
import { COPIES, runtimeFiles } from "./build-runtimes";

describe("the runtimes copied into public/runtimes", () => {
  it("are found in their npm packages: what each loader fetches at run time", () => {
    const files = runtimeFiles();
    expect(files.pyodide).toEqual(["pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"]);
    expect(files.pglite).toEqual(expect.arrayContaining(["index.js", "pglite.js", "pglite.wasm", "pglite.data", "initdb.js", "initdb.wasm"]));
    expect(files.pglite?.every((name) => /\.(js|wasm|data)$/.test(name))).toBe(true);
    expect(COPIES.find((copy) => copy.to === "pglite")?.gzip).toEqual(["pglite.data"]);
    expect(files.quickjs).toEqual(["emscripten-module.wasm"]);
  });
});
