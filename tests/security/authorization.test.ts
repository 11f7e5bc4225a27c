import { io, type Socket } from "socket.io-client";
import { startAppServer, type AppServer } from "../support/app-server";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { signedIn } from "../support/fixtures";
import { appCodeOf, HttpSession } from "../support/http-session";
import { describeAuthorizationTable, type Connection } from "./authorization-suite";

// The authorisation table against the real app: next-auth sign-in, tRPC over HTTP, Socket.IO.

let app: AppServer;
let smtp: SmtpSink;

async function connect(session: HttpSession): Promise<Connection | "UNAUTHORIZED"> {
  const socket: Socket = io(app.url, { transports: ["websocket"], extraHeaders: { cookie: session.cookieHeader() }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  }).catch((error: Error) => {
    socket.close();
    if (error.message !== "unauthorized") throw error;
  });
  if (!socket.connected) return "UNAUTHORIZED";
  return {
    emit: async (event, payload) => (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; code?: string },
    close: async () => {
      socket.close();
    },
  };
}

await describeAuthorizationTable<HttpSession>({
  async start(databaseUrl) {
    // With email on, as a deployment with SMTP runs: invitations by email are then allowed to the owner.
    smtp = await startSmtpSink();
    app = await startAppServer(databaseUrl, { env: smtp.env });
  },
  stop: async () => {
    await app.kill();
    await smtp.close();
  },
  signIn: (account) => signedIn(app.url, account),
  anonymous: () => new HttpSession(app.url),
  async guest(name, token) {
    const session = new HttpSession(app.url);
    const refused = await session.guestSignIn(name, token);
    if (refused) throw new Error(`guest sign-in refused: ${refused}`);
    return session;
  },
  connect,
  appCodeOf,
});
