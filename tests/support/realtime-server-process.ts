// The realtime half of server/index.ts (the same Socket.IO server, handlers, services and database) as
// its own process, so tests can kill it with SIGKILL and start it again without building Next.js.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startRealtime } from "@/server/realtime/server";

const port = Number(process.env.PORT ?? 0);
const httpServer = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
const realtime = await startRealtime(httpServer, { appUrl: "http://app.example", redisUrl: process.env.REDIS_URL, log: (line) => console.error(line) });
httpServer.listen(port, "127.0.0.1", () => {
  console.log(`listening ${(httpServer.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => void realtime.close("test server stopping").then(() => process.exit(0)));
