import { describe, expect, it } from "vitest";
import { isRunShortcut, runKeyBinding, runShortcutLabel } from "./run-shortcut";

const key = (over: Partial<KeyboardEvent>) => ({ key: "Enter", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });

describe("the Run shortcut", () => {
  it("is Ctrl+Enter or Cmd+Enter, and nothing else", () => {
    expect(isRunShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isRunShortcut(key({ metaKey: true }))).toBe(true);
    expect(isRunShortcut(key({}))).toBe(false);
    expect(isRunShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isRunShortcut(key({ ctrlKey: true, key: "e" }))).toBe(false);
  });

  it("binds Mod-Enter in CodeMirror and runs", () => {
    let runs = 0;
    const binding = runKeyBinding(() => runs++);
    expect(binding.key).toBe("Mod-Enter");
    expect(binding.run?.({} as never)).toBe(true);
    expect(runs).toBe(1);
  });

  it("is labelled for the platform", () => {
    expect(runShortcutLabel("MacIntel")).toBe("⌘ Enter");
    expect(runShortcutLabel("Linux x86_64")).toBe("Ctrl Enter");
  });
});
