import type { KeyBinding } from "@codemirror/view";

/** Ctrl+Enter (Cmd+Enter on a Mac): Run, as in CoderPad and most online editors. */
export function isRunShortcut(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** The same shortcut for a CodeMirror editor's keymap: `keymap.of([runKeyBinding(() => panel.run())])`. */
export function runKeyBinding(run: () => void): KeyBinding {
  return {
    key: "Mod-Enter",
    preventDefault: true,
    run: () => {
      run();
      return true;
    },
  };
}

/** How the shortcut is written for this platform, for a button's hint. */
export function runShortcutLabel(platform: string = typeof navigator === "undefined" ? "" : navigator.platform): string {
  return /Mac|iPhone|iPad/.test(platform) ? "⌘ Enter" : "Ctrl Enter";
}
