import { collab } from "@codemirror/collab";
import { EditorState, type TransactionSpec } from "@codemirror/state";
import { describe, expect, it, vi } from "vitest";
import { PadSync, type PadEditor, type PadTransport } from "@/components/pad/pad-sync";
import { PAD_UPDATES_MAX, textOf, type PadUpdate, type StoredPadUpdate } from "@/server/domain/room";

/** An editor without a view: the state, and dispatch that applies a transaction to it. */
function editor(): PadEditor & { type(text: string): void } {
  const holder = {
    state: EditorState.create({ doc: "", extensions: [collab({ startVersion: 0, clientID: "tab-a" })] }),
    dispatch(spec: TransactionSpec | ReturnType<EditorState["update"]>) {
      holder.state = "state" in spec ? spec.state : holder.state.update(spec).state;
    },
    type(text: string) {
      for (const char of text) holder.dispatch({ changes: { from: holder.state.doc.length, insert: char } });
    },
  };
  return holder;
}

/** A room that accepts pushes on its current version, as the server does, and relays them back. */
function room(sync: () => PadSync) {
  let version = 0;
  const pushes: number[] = [];
  const transport: PadTransport = {
    push: vi.fn(async (base: number, updates: PadUpdate[]) => {
      pushes.push(updates.length);
      if (updates.length > PAD_UPDATES_MAX) return { ok: false as const, code: "BAD_REQUEST" as const, message: "too many" };
      if (base !== version) return { ok: false as const, code: "CONFLICT" as const, message: "The pad changed elsewhere; catching up." };
      const stored: StoredPadUpdate[] = updates.map((update, i) => ({ version: version + i + 1, clientID: update.clientID, changes: update.changes }));
      version += updates.length;
      sync().receive(version, stored);
      return { ok: true as const, seq: 1, revision: version };
    }),
    pull: async () => ({ ok: true as const, mode: "updates" as const, updates: [], more: false }),
  };
  return { transport, pushes };
}

describe("PadSync", () => {
  it("sends a backlog longer than one push may carry over several pushes, and loses none of it", async () => {
    vi.useFakeTimers();
    const pad = editor();
    const server = room(() => sync);
    const reset = vi.fn();
    const sync: PadSync = new PadSync(server.transport, textOf(""), { status: () => undefined, language: () => undefined, reset, changed: () => undefined });
    sync.attach(pad);
    // Typed offline: 250 keystrokes, 250 updates waiting.
    pad.type("x".repeat(250));
    sync.localChange();
    await vi.runAllTimersAsync();
    expect(server.pushes).toEqual([100, 100, 50]);
    expect(reset).not.toHaveBeenCalled();
    expect(sync.syncedText.toString()).toBe("x".repeat(250));
    vi.useRealTimers();
  });

  it("places another member's cursor only where the text it was sent for has a position", async () => {
    vi.useFakeTimers();
    const pad = editor();
    const server = room(() => sync);
    const sync: PadSync = new PadSync(server.transport, textOf(""), {
      status: () => undefined,
      language: () => undefined,
      reset: () => undefined,
      changed: () => undefined,
    });
    sync.attach(pad);
    pad.type("abc");
    sync.localChange();
    await vi.runAllTimersAsync();
    expect(sync.version).toBe(3);
    pad.type("d");
    // Sent for version 1 ("a"): position 1 moves over "bc" and this tab's unsent "d".
    expect(sync.fromRemote(1, 1)).toBe(4);
    // Past the end of the text at that version, or of the text now: not a position (it threw before).
    expect(sync.fromRemote(2, 1)).toBeNull();
    expect(sync.fromRemote(50_000, 3)).toBeNull();
    expect(sync.fromRemote(0, 4)).toBeNull();
    vi.useRealTimers();
  });

  it("takes an update once when its relay comes while a pull that also carries it is on its way", async () => {
    const pad = editor();
    const language: StoredPadUpdate = { version: 1, clientID: "", changes: [], language: "python" };
    const text: StoredPadUpdate = { version: 2, clientID: "tab-b", changes: [[0, "def allow(bucket):"]] };
    let answerPull: (updates: StoredPadUpdate[]) => void = () => undefined;
    const transport: PadTransport = {
      push: async () => ({ ok: true as const, seq: 1, revision: 0 }),
      pull: () => new Promise((resolve) => (answerPull = (updates) => resolve({ ok: true as const, mode: "updates" as const, updates, more: false }))),
    };
    const sync = new PadSync(transport, textOf(""), { status: () => undefined, language: () => undefined, reset: () => undefined, changed: () => undefined });
    sync.attach(pad);
    // The room is joined: the pull since 0 goes out. The language pick is relayed before its answer,
    // and the server read the pad after the pick, so the answer carries it too.
    sync.resync();
    sync.receive(1, [language]);
    answerPull([language]);
    await vi.waitFor(() => expect(sync.version).toBe(1));
    sync.receive(2, [text]);
    expect(sync.version).toBe(2);
    expect(pad.state.doc.toString()).toBe("def allow(bucket):");
  });
});
