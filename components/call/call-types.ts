// The words the call's browser side speaks: who a peer is, what goes between two peers, and the
// signalling channel it goes over. The mesh knows nothing of Socket.IO; the room's socket is one transport.
import type { CallSignal } from "@/server/realtime/protocol";

/** One tab in the call: members are keyed by user, and a user's tab by the connectionId it made at load. */
export interface PeerAddress {
  userId: string;
  connectionId: string;
}

/** What one peer sends another through the server: the protocol's `call:signal`, checked there by its schema. */
export type { CallSignal };

/**
 * The signalling channel. `send` resolves when the server relayed the signal and rejects when it refused or
 * did not answer. `onSignal` delivers, in order, the signals addressed to this tab (the transport drops
 * those for another connectionId); it returns how to stop listening.
 */
export interface SignalTransport {
  send(to: PeerAddress, signal: CallSignal): Promise<void>;
  onSignal(listener: (from: PeerAddress, signal: CallSignal) => void): () => void;
}

/** The tracks this tab sends. The mesh never stops them: they belong to whoever captured them. */
export interface LocalMedia {
  audio: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
}

/** RTCConfiguration.iceServers as `rtc.iceServers` gives them, and when their TURN credential runs out. */
export interface IceConfig {
  iceServers: RTCIceServer[];
  expiresAt: Date;
}

/** `userId:connectionId`: a peer's key in maps, and what decides which side of a pair is polite. */
export function peerKey(address: PeerAddress): string {
  return `${address.userId}:${address.connectionId}`;
}
