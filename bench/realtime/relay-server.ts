// The baseline: a bare Socket.IO relay of the room's message pattern, with no auth, no database and no
// projection. A command is acknowledged with the room's next sequence number and broadcast to the room.
// A pad push (`editScratchpad`) gets the least an authority of @codemirror/collab must do, in memory, as
// the library's own example server does: moved over the updates accepted since its version, numbered,
// relayed to the room (`room:scratchpad`) and acknowledged; `pad:pull` answers from memory and
// `pad:cursor` goes to the others in the room. No checks, no storage.
import { createServer } from "node:http";
import { rebaseUpdates, type Update } from "@codemirror/collab";
import { ChangeSet } from "@codemirror/state";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 0);
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
const seqs = new Map<string, number>();
/** Every accepted update of each pad (by session and question), oldest first: version N is at N - 1. */
const pads = new Map<string, Array<Update & { json: unknown }>>();

interface PadPush {
  type: "editScratchpad";
  questionId: string;
  baseRevision: number;
  updates: Array<{ clientID: string; changes: unknown }>;
}

function push(sessionId: string, command: PadPush, ack: (result: unknown) => void): void {
  const key = `${sessionId}/${command.questionId}`;
  const accepted = pads.get(key) ?? [];
  pads.set(key, accepted);
  if (command.baseRevision > accepted.length) return ack({ ok: false, code: "CONFLICT", message: "The pad changed elsewhere; catching up." });
  const parsed = command.updates.map((update) => ({ clientID: update.clientID, changes: ChangeSet.fromJSON(update.changes) }));
  const moved = rebaseUpdates(parsed, accepted.slice(command.baseRevision));
  const first = accepted.length + 1;
  for (const update of moved) accepted.push({ ...update, json: update.changes.toJSON() });
  if (moved.length > 0) {
    // As the app does: the room hears of the updates before the pusher's answer.
    io.to(sessionId).emit("room:scratchpad", {
      sessionId,
      questionId: command.questionId,
      revision: accepted.length,
      updates: accepted.slice(first - 1).map((update, i) => ({ version: first + i, clientID: update.clientID, changes: update.json })),
      updatedAt: new Date().toISOString(),
      language: "plain",
      authorId: "relay",
    });
  }
  ack({ ok: true, seq: seqs.get(sessionId) ?? 0, revision: accepted.length });
}

io.on("connection", (socket) => {
  socket.on("room:join", (payload: { sessionId: string }, ack: (result: unknown) => void) => {
    void socket.join(payload.sessionId);
    ack({ ok: true, mode: "snapshot", seq: seqs.get(payload.sessionId) ?? 0, view: null });
  });
  socket.on("room:command", (payload: { sessionId: string; command: { type?: string } }, ack: (result: unknown) => void) => {
    if (payload.command.type === "editScratchpad") return push(payload.sessionId, payload.command as PadPush, ack);
    const seq = (seqs.get(payload.sessionId) ?? 0) + 1;
    seqs.set(payload.sessionId, seq);
    ack({ ok: true, seq });
    io.to(payload.sessionId).emit("room:event", { sessionId: payload.sessionId, seq, event: payload.command });
  });
  socket.on("pad:pull", (payload: { sessionId: string; questionId: string; since: number }, ack: (result: unknown) => void) => {
    const accepted = pads.get(`${payload.sessionId}/${payload.questionId}`) ?? [];
    const updates = accepted.slice(payload.since, payload.since + 1000);
    ack({
      ok: true,
      mode: "updates",
      updates: updates.map((update, i) => ({ version: payload.since + i + 1, clientID: update.clientID, changes: update.json })),
    });
  });
  socket.on("pad:cursor", (payload: { sessionId: string }, ack: (result: unknown) => void) => {
    socket.to(payload.sessionId).emit("pad:cursor", { ...payload, userId: socket.id });
    ack({ ok: true });
  });
});

// As the app does on SIGTERM: close every socket from the server side, so clients connect again at once.
process.on("SIGTERM", () => {
  io.disconnectSockets(true);
  io.close(() => process.exit(0));
});

httpServer.listen(port, "127.0.0.1", () => console.log("relay ready"));
