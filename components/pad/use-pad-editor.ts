"use client";

import { collab, getClientID, sendableUpdates } from "@codemirror/collab";
import { ChangeSet, Compartment, EditorState, Transaction, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { useEffect, useRef, useState } from "react";
import { editorBasics, lengthRule, useLanguage } from "@/components/room/code-editor";
import { recallPad, rememberPad } from "@/components/pad/pad-memory";
import { throttle, useThrottled } from "@/components/ui/throttle";
import { PadSync, type PadStatus, type PadTransport } from "@/components/pad/pad-sync";
import { memberColor, remoteCursors, setRemoteCursors, type RemoteCursor } from "@/components/pad/remote-cursors";
import { getSocket } from "@/components/realtime/socket-client";
import { newIdempotencyKey, type ConnectionState } from "@/components/realtime/room-connection";
import {
  fitsScratchpad,
  initialPad,
  newPadClientID,
  ownsPadClient,
  textOf,
  type ClientCommand,
  type CodeView,
  type ParticipantView,
  type Scratchpad,
  type ScratchpadLanguage,
} from "@/server/domain/room";
import type { PadCursorMessage, Result, RoomCommandResult, ScratchpadEditMessage } from "@/server/realtime/protocol";

/** Cursor moves go out at most this often. */
const CURSOR_INTERVAL_MS = 100;
/** Unsent typing is written to sessionStorage at most this often (and always when the page goes). */
const REMEMBER_INTERVAL_MS = 250;
const CURSOR_ACK_TIMEOUT_MS = 3_000;
const PULL_TIMEOUT_MS = 8_000;
const PUSH_TIMEOUT_MS = 5_000;
/** A push or pull that got no answer is tried again this much later, or as soon as the room is joined again. */
const NO_ANSWER_RETRY_MS = 1_000;

export interface PadEditorOptions {
  sessionId: string;
  questionId: string;
  /** The room's text for the question when the pad opens; afterwards the pad follows its own updates. */
  saved: Scratchpad | null;
  /** The question's code: a pad nobody typed in yet starts from its starter code, in its language. */
  code: CodeView;
  viewerId: string;
  /** The room's members, in join order (their colours), with when their presence last changed. */
  participants: ReadonlyArray<Pick<ParticipantView, "userId" | "name" | "presenceSince">>;
  readOnly: boolean;
  connection: ConnectionState;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
  /** Ctrl/Cmd-Enter in the pad. */
  onRun?: () => void;
}

/**
 * The collaborative pad's editor for one question: CodeMirror with @codemirror/collab, driven by a
 * `PadSync` over the room's socket, other members' cursors and pointed lines, and the tab's unsent typing
 * kept across a reload. Returns the host to render the editor into and what the header shows.
 */
export function usePadEditor(options: PadEditorOptions) {
  const { sessionId, questionId, readOnly, connection } = options;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const syncRef = useRef<PadSync | null>(null);
  const slots = useRef({ language: new Compartment(), readOnly: new Compartment() });
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const highlightRef = useRef<{ from: number; to: number } | null>(null);
  const [language, setLanguage] = useState<ScratchpadLanguage>(() => (options.saved ?? initialPad(options.code)).language);
  const [status, setStatus] = useState<PadStatus>({ kind: "saved" });
  const [refusedLength, setRefusedLength] = useState<number | null>(null);
  const [pointing, setPointing] = useState(false);
  const greeted = useRef(false);
  const sendCursor = useThrottled(CURSOR_INTERVAL_MS, () => {
    // The first share says hello, and the others answer with where they are.
    const hello = !greeted.current;
    greeted.current = shareCursor(viewRef.current, syncRef.current, latest.current, highlightRef.current, hello) || greeted.current;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const mounted = mountPad(host, { latest, slots: slots.current, highlightRef, setStatus, setLanguage, setRefusedLength, sendCursor });
    viewRef.current = mounted.view;
    syncRef.current = mounted.sync;
    return () => {
      mounted.unmount();
      viewRef.current = null;
      syncRef.current = null;
    };
    // One editor per question: the pad follows its own updates from here on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, questionId]);

  // A (re)joined room: catch up, then send what waits. Down: keep typing, it waits.
  useEffect(() => {
    if (connection === "connected") syncRef.current?.resync();
    else syncRef.current?.offline();
  }, [connection]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: slots.current.readOnly.reconfigure(readOnlyExtensions(readOnly)) });
  }, [readOnly]);

  // Someone came in (or back, after a reload): tell them where this tab's cursor is.
  const present = options.participants.map((participant) => `${participant.userId}@${participant.presenceSince}`).join();
  useEffect(() => sendCursor(), [present, sendCursor]);

  useLanguage(viewRef, slots, language);

  const pickLanguage = (picked: ScratchpadLanguage) => {
    setLanguage(picked);
    syncRef.current?.pickLanguage(picked);
  };
  const togglePointing = () => {
    const view = viewRef.current;
    if (!view) return;
    const { from, to } = view.state.selection.main;
    highlightRef.current = highlightRef.current ? null : { from, to };
    setPointing(highlightRef.current !== null);
    sendCursor();
  };
  const text = () => viewRef.current?.state.doc.toString() ?? "";
  return { hostRef, language, pickLanguage, status, refusedLength, pointing, togglePointing, text };
}

interface PadMount {
  latest: { readonly current: PadEditorOptions };
  slots: { language: Compartment; readOnly: Compartment };
  highlightRef: { current: { from: number; to: number } | null };
  setStatus: (status: PadStatus) => void;
  setLanguage: (language: ScratchpadLanguage) => void;
  setRefusedLength: (length: number | null) => void;
  sendCursor: () => void;
}

/**
 * Makes the editor and its sync for one question: from the tab's unsent typing when a reload
 * interrupted it, else from the room's text; listens to the room's relays. Returns how to take it down.
 */
function mountPad(host: HTMLElement, mount: PadMount) {
  const { latest } = mount;
  const { sessionId, questionId, viewerId } = latest.current;
  // What another account typed in this tab (a sign-out and in) is not this member's to send.
  const remembered = recallPad(sessionStorageOrNull(), sessionId, questionId);
  const recalled = remembered && ownsPadClient(viewerId, remembered.clientID) ? remembered : null;
  const saved = latest.current.saved ?? initialPad(latest.current.code);
  const start = recalled && recalled.pending.length > 0 ? recalled : { text: saved.text, revision: saved.revision, pending: [] };
  const clientID = recalled?.clientID ?? newPadClientID(viewerId);
  const remote = new Map<string, PadCursorMessage>();
  const save = throttle(REMEMBER_INTERVAL_MS, () => remember(view, sync, sessionId, questionId));
  const showCursors = () => view.dispatch({ effects: setRemoteCursors.of(placeCursors(remote, sync, latest.current.participants)) });
  const sync = new PadSync(padTransport(latest), textOf(start.text), {
    status: mount.setStatus,
    language: mount.setLanguage,
    reset: (text, revision) => view.setState(stateOf(text, revision)),
    changed: () => {
      showCursors();
      save();
    },
  });
  const stateOf = (text: string, revision: number) =>
    EditorState.create({ doc: text, extensions: padExtensions({ sync, clientID, revision, mount, onLocal: save }) });
  const view = new EditorView({ parent: host, state: stateOf(start.text, start.revision) });
  sync.attach(view);
  // Typing a reload interrupted goes back in as this tab's own, unsent, under the same client id.
  for (const changes of start.pending) view.dispatch({ changes: ChangeSet.fromJSON(changes) });
  remember(view, sync, sessionId, questionId);

  const socket = getSocket();
  const onEdit = (message: ScratchpadEditMessage) => {
    if (message.sessionId === sessionId && message.questionId === questionId) sync.receive(message.revision, message.updates);
  };
  const onCursor = (message: PadCursorMessage) => {
    if (message.sessionId !== sessionId || message.questionId !== questionId) return;
    remote.set(message.userId, message);
    showCursors();
    if (message.hello) mount.sendCursor();
  };
  const onPageHide = () => remember(view, sync, sessionId, questionId);
  socket.on("room:scratchpad", onEdit);
  socket.on("pad:cursor", onCursor);
  window.addEventListener("pagehide", onPageHide);
  const unmount = () => {
    onPageHide();
    socket.off("room:scratchpad", onEdit);
    socket.off("pad:cursor", onCursor);
    window.removeEventListener("pagehide", onPageHide);
    sync.detach();
    view.destroy();
  };
  return { view, sync, unmount };
}

/**
 * The pad's pushes go as `editScratchpad` room commands, one attempt each: PadSync itself sends again
 * (a push sent twice is taken once, by its client id) when the room is back or after a pause, so a push
 * lost with a dead socket never holds up the typing after it. Its pulls go as `pad:pull`.
 */
function padTransport(latest: { readonly current: PadEditorOptions }): PadTransport {
  const { sessionId, questionId } = latest.current;
  const noAnswer = { ok: false as const, code: "BUSY" as const, message: "No answer", retryAfterMs: NO_ANSWER_RETRY_MS };
  return {
    push: (baseRevision, updates, picked) => {
      const command = { type: "editScratchpad" as const, questionId, baseRevision, updates, ...(picked ? { language: picked } : {}) };
      const socket = getSocket();
      if (!socket.connected) return Promise.resolve(noAnswer);
      return socket
        .timeout(PUSH_TIMEOUT_MS)
        .emitWithAck("room:command", { sessionId, idempotencyKey: newIdempotencyKey(), command })
        .catch(() => noAnswer);
    },
    pull: (since) =>
      getSocket()
        .timeout(PULL_TIMEOUT_MS)
        .emitWithAck("pad:pull", { sessionId, questionId, since })
        .catch(() => noAnswer),
  };
}

/** Tells the others where this tab's cursor, selections and pointed lines are, in the synced version's terms. False when it could not. */
function shareCursor(
  view: EditorView | null,
  sync: PadSync | null,
  options: PadEditorOptions,
  highlight: { from: number; to: number } | null,
  hello: boolean,
): boolean {
  if (!view || !sync || options.readOnly) return false;
  const ranges = view.state.selection.ranges.map((range) => ({ from: sync.toSynced(range.anchor), to: sync.toSynced(range.head) }));
  const pointed = highlight ? { from: sync.toSynced(highlight.from), to: sync.toSynced(highlight.to) } : null;
  void getSocket()
    .timeout(CURSOR_ACK_TIMEOUT_MS)
    .emitWithAck("pad:cursor", {
      sessionId: options.sessionId,
      questionId: options.questionId,
      revision: sync.version,
      ranges,
      highlight: pointed,
      ...(hello ? { hello } : {}),
    })
    .catch(() => undefined);
  return true;
}

function readOnlyExtensions(readOnly: boolean): Extension {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

function padExtensions({
  sync,
  clientID,
  revision,
  mount,
  onLocal,
}: {
  sync: PadSync;
  clientID: string;
  revision: number;
  mount: PadMount;
  onLocal: () => void;
}): Extension[] {
  const { latest, slots, highlightRef, setRefusedLength, sendCursor } = mount;
  const rule = { current: { accepts: fitsScratchpad, onRefused: (length: number) => setRefusedLength(length) } };
  return [
    editorBasics({ label: "Scratchpad", readOnly: false, placeholder: "Write here: everyone in the room sees it as you type.", languageSlot: slots.language }),
    slots.readOnly.of(readOnlyExtensions(latest.current.readOnly)),
    collab({ startVersion: revision, clientID }),
    remoteCursors(),
    lengthRule(rule),
    keymap.of([{ key: "Mod-Enter", run: () => (latest.current.onRun?.(), true) }]),
    EditorView.updateListener.of((update) => {
      if (highlightRef.current && update.docChanged) {
        highlightRef.current = { from: update.changes.mapPos(highlightRef.current.from), to: update.changes.mapPos(highlightRef.current.to) };
      }
      const local = update.transactions.some((transaction) => transaction.docChanged && !transaction.annotation(Transaction.remote));
      if (local) {
        setRefusedLength(null);
        sync.localChange();
        onLocal();
      }
      // Typing needs no message of its own: the others move this caret over the update that carries it.
      if (update.selectionSet && !local) sendCursor();
    }),
  ];
}

function remember(view: EditorView | null, sync: PadSync | null, sessionId: string, questionId: string): void {
  if (!view || !sync) return;
  const pending = sendableUpdates(view.state).map((update) => update.changes.toJSON() as never);
  rememberPad(sessionStorageOrNull(), sessionId, questionId, {
    clientID: getClientID(view.state),
    revision: sync.version,
    text: sync.syncedText.toString(),
    pending,
  });
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Other members' cursors, moved into this tab's text, each in the colour of their place in the room. */
function placeCursors(messages: ReadonlyMap<string, PadCursorMessage>, sync: PadSync, participants: PadEditorOptions["participants"]): RemoteCursor[] {
  const placed: RemoteCursor[] = [];
  for (const message of messages.values()) {
    const index = participants.findIndex((participant) => participant.userId === message.userId);
    if (index === -1) continue;
    const at = (position: number) => sync.fromRemote(position, message.revision);
    const ranges = message.ranges.map((range) => ({ from: at(range.from), to: at(range.to) }));
    if (ranges.some((range) => range.from === null || range.to === null)) continue;
    const highlight = message.highlight ? { from: at(message.highlight.from), to: at(message.highlight.to) } : null;
    placed.push({
      userId: message.userId,
      name: participants[index]!.name,
      color: memberColor(index),
      ranges: ranges as Array<{ from: number; to: number }>,
      highlight: highlight && highlight.from !== null && highlight.to !== null ? (highlight as { from: number; to: number }) : null,
    });
  }
  return placed;
}
