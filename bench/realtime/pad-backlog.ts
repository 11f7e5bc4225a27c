// npx tsx bench/realtime/pad-backlog.ts [keystrokes]
// A tab that has this many keystrokes unconfirmed when its push goes (typed offline, or while pushes were
// slow): the candidate types them at once in one room of the real app, through the browser's PadSync,
// and the line says what the push got and what the server stored. With more than PAD_UPDATES_MAX (100)
// unconfirmed keystrokes the push is one `editScratchpad` over the command's limit.
import path from "node:path";
import { createDb } from "@/server/platform/db/client";
import { bankFilesIn, importBankPaths } from "@/server/services/bank/import-paths";
import { startAppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/free-port";
import { createTestDatabaseServer } from "@/tests/support/test-database";
import { PROTOCOL_VERSION } from "@/server/realtime/protocol";
import { ensureProductionBuild } from "@/scripts/production-build";
import { LoadRoom } from "./load";
import { PadTypist } from "./pad-typist";
import { pullPad } from "./pad-text";
import { RoomFactory } from "./setup";

const keys = Number(process.argv[2] ?? 150);
if (ensureProductionBuild() !== 0) throw new Error("the production build failed");
const database = await createTestDatabaseServer(await freePort());
const db = createDb(database.templateUrl);
await importBankPaths(db, await bankFilesIn(path.resolve("content/banks")));
await db.$disconnect();
const app = await startAppServer(database.templateUrl);
try {
  const [spec] = await new RoomFactory(app.url).rooms(0, 1);
  const room = new LoadRoom(app.url, spec!, { version: PROTOCOL_VERSION });
  await room.join();
  await room.start();
  room.typing = true;
  const start = await pullPad(room.sockets.candidate, spec!.sessionId, room.questionId);
  const typist = new PadTypist(room.sockets.candidate, spec!.sessionId, room.questionId, room.userIds.candidate, start, "end");
  // `keys` keystrokes before the first push goes (as typing offline, or while a push is slow, does).
  for (let i = 0; i < keys; i++) typist.type();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const stored = await pullPad(room.sockets.interviewer, spec!.sessionId, room.questionId);
  console.log(
    JSON.stringify({
      keys,
      typed: typist.typed,
      pushes: typist.pushes,
      errors: typist.pushErrors,
      trouble: typist.trouble,
      resets: typist.resets,
      storedLength: stored.doc.length,
      typistLength: typist.text.length,
    }),
  );
  room.close();
} finally {
  await app.kill();
  await database.dispose();
}
process.exit(0);
