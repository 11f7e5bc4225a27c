import { BankParseError } from "@/server/bank/bank-parse-error";
import { AppError } from "@/server/platform/errors";
import { readBankFile } from "./read-file";
import type { ReaderReply, ReaderRequest } from "./protocol";

const send = (reply: ReaderReply) => process.send?.(reply);

/** The reader's process: one file at a time, each answered with its bank or the error a user is shown. */
process.on("message", async ({ id, file }: ReaderRequest) => {
  send({ id, started: true });
  let reply: ReaderReply;
  try {
    reply = { id, ok: true, parsed: await readBankFile(file) };
  } catch (error) {
    if (error instanceof BankParseError)
      reply = { id, ok: false, error: { kind: "bank", code: error.code, message: error.message, sourceFile: error.sourceFile } };
    else if (error instanceof AppError) reply = { id, ok: false, error: { kind: "app", code: error.code, message: error.message } };
    else reply = { id, ok: false, error: { kind: "crash", message: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
  }
  send(reply);
});

// The server went away (even killed): nothing is left to answer.
process.on("disconnect", () => process.exit(0));
