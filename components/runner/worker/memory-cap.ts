const PAGE_BYTES = 65_536;

/**
 * The memory limit of Python and PostgreSQL (and QuickJS's backstop): every WebAssembly memory in this
 * realm refuses to grow past `limitBytes()`. Emscripten grows its heap from JavaScript
 * (`wasmMemory.grow` in `emscripten_resize_heap`) and treats a throw as "no memory": malloc returns NULL,
 * and the runtime reports it (Python's MemoryError, QuickJS's "out of memory", PostgreSQL's "out of
 * memory"). A memory only grows, but each run has a worker of its own, ended with the run. Returns the
 * function that removes the cap.
 */
export function capWasmMemory(limitBytes: () => number): () => void {
  const prototype = WebAssembly.Memory.prototype;
  const grow = prototype.grow;
  prototype.grow = function cappedGrow(this: WebAssembly.Memory, delta: number): number {
    if (this.buffer.byteLength + delta * PAGE_BYTES > limitBytes()) throw new RangeError("WebAssembly memory is over the code runner's limit");
    return grow.call(this, delta);
  };
  return () => {
    prototype.grow = grow;
  };
}
