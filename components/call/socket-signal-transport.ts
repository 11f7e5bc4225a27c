import type { CallSignal, PeerAddress, SignalTransport } from "@/components/call/call-types";
import type { CallSignalMessage, CallSignalPayload, Result } from "@/server/realtime/protocol";

/** How long a relayed signal's acknowledgement may take before the send counts as failed. */
const SIGNAL_ACK_TIMEOUT_MS = 5_000;

/** The part of the tab's Socket.IO socket the call's signalling uses, so that tests drive it in memory. */
export interface SignalSocket {
  on(event: "call:signal", listener: (message: CallSignalMessage) => void): unknown;
  off(event: "call:signal", listener: (message: CallSignalMessage) => void): unknown;
  timeout(ms: number): { emitWithAck(event: "call:signal", payload: CallSignalPayload): Promise<Result> };
}

/**
 * The call's signalling over the room's authenticated socket: what this tab sends goes to one tab of one
 * member through the server, which relays it only within the same call; what arrives for another tab of
 * the same user (the server sends to all of a member's tabs) or another session is dropped here.
 */
export function socketSignalTransport(socket: SignalSocket, sessionId: string, self: PeerAddress): SignalTransport {
  return {
    async send(to: PeerAddress, signal: CallSignal) {
      const payload = { sessionId, to: to.userId, toConnection: to.connectionId, fromConnection: self.connectionId, signal };
      const result = await socket.timeout(SIGNAL_ACK_TIMEOUT_MS).emitWithAck("call:signal", payload);
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    },
    onSignal(listener) {
      const onMessage = (message: CallSignalMessage) => {
        if (message.sessionId !== sessionId || message.toConnection !== self.connectionId) return;
        listener({ userId: message.from, connectionId: message.fromConnection }, message.signal);
      };
      socket.on("call:signal", onMessage);
      return () => void socket.off("call:signal", onMessage);
    },
  };
}
