import { describe, expect, it } from "vitest";
import { socketSignalTransport, type SignalSocket } from "@/components/call/socket-signal-transport";
import type { CallSignalMessage, CallSignalPayload, Result } from "@/server/realtime/protocol";

const self = { userId: "user-me", connectionId: "tab-me-0001" };
const signal = { kind: "candidate" as const, candidate: null };

function fakeSocket(answer: Result) {
  const sent: CallSignalPayload[] = [];
  const listeners = new Set<(message: CallSignalMessage) => void>();
  const socket: SignalSocket = {
    on: (_event, listener) => listeners.add(listener),
    off: (_event, listener) => listeners.delete(listener),
    timeout: () => ({ emitWithAck: async (_event, payload) => (sent.push(payload), answer) }),
  };
  const deliver = (message: CallSignalMessage) => listeners.forEach((listener) => listener(message));
  return { socket, sent, deliver, listeners };
}

describe("the call's signalling over the room socket", () => {
  it("sends from this tab to the named tab, and rejects with the server's refusal", async () => {
    const ok = fakeSocket({ ok: true });
    await socketSignalTransport(ok.socket, "session-1", self).send({ userId: "user-peer", connectionId: "tab-peer-01" }, signal);
    expect(ok.sent).toEqual([{ sessionId: "session-1", to: "user-peer", toConnection: "tab-peer-01", fromConnection: self.connectionId, signal }]);
    const refused = fakeSocket({ ok: false, code: "NOT_FOUND", message: "That member is not in the call." });
    await expect(socketSignalTransport(refused.socket, "session-1", self).send({ userId: "user-peer", connectionId: "tab-peer-01" }, signal)).rejects.toThrow(
      "NOT_FOUND: That member is not in the call.",
    );
  });

  it("takes only the signals for this tab in this session, and stops listening when asked", () => {
    const { socket, deliver, listeners } = fakeSocket({ ok: true });
    const received: unknown[] = [];
    const stop = socketSignalTransport(socket, "session-1", self).onSignal((from, body) => received.push({ from, body }));
    const message = { sessionId: "session-1", from: "user-peer", fromConnection: "tab-peer-01", toConnection: self.connectionId, signal };
    deliver(message);
    // Another tab of the same member, and another session: the server sends to all of a member's tabs.
    deliver({ ...message, toConnection: "tab-me-0002" });
    deliver({ ...message, sessionId: "session-2" });
    expect(received).toEqual([{ from: { userId: "user-peer", connectionId: "tab-peer-01" }, body: signal }]);
    stop();
    expect(listeners.size).toBe(0);
  });
});
