// The SMTP server of the bench, in a process of its own as a real one would be: tests/support/smtp-sink.ts
// (smtp-server, each message parsed by mailparser). For every message it accepts it tells the parent the
// Message-ID, the recipient and the time of acceptance (just before its 250 reply).
import { startSmtpSink } from "@/tests/support/smtp-sink";

export type SinkMessage = { type: "ready"; port: number } | { type: "received"; messageId: string; to: string; at: number };

const send = (message: SinkMessage) => process.send?.(message);

const sink = await startSmtpSink({
  onReceived(email) {
    send({ type: "received", messageId: email.parsed.messageId ?? "", to: email.envelopeTo[0] ?? "", at: email.receivedAt });
    // The parent keeps what it needs; the sink need not keep every parsed message.
    email.raw = "";
  },
});
const keep = setInterval(() => {
  sink.received.length = 0;
}, 1_000);
send({ type: "ready", port: sink.port });
process.on("disconnect", () => {
  clearInterval(keep);
  void sink.close().then(() => process.exit(0));
});
