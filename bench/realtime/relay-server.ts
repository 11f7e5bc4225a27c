// The baseline: a bare Socket.IO relay of the room's message pattern, with no auth, no database and no
// projection. A command is acknowledged with the room's next sequence number and broadcast to the room.
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 0);
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
const seqs = new Map<string, number>();

io.on("connection", (socket) => {
  socket.on("room:join", (payload: { sessionId: string }, ack: (result: unknown) => void) => {
    void socket.join(payload.sessionId);
    ack({ ok: true, mode: "snapshot", seq: seqs.get(payload.sessionId) ?? 0, view: null });
  });
  socket.on("room:command", (payload: { sessionId: string; command: unknown }, ack: (result: unknown) => void) => {
    const seq = (seqs.get(payload.sessionId) ?? 0) + 1;
    seqs.set(payload.sessionId, seq);
    ack({ ok: true, seq });
    io.to(payload.sessionId).emit("room:event", { sessionId: payload.sessionId, seq, event: payload.command });
  });
});

// As the app does on SIGTERM: close every socket from the server side, so clients connect again at once.
process.on("SIGTERM", () => {
  io.disconnectSockets(true);
  io.close(() => process.exit(0));
});

httpServer.listen(port, "127.0.0.1", () => console.log("relay ready"));
