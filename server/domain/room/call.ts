import type { RoomEventOf } from "./events";
import type { Call } from "./room-state";
import { unreachable } from "./unreachable";

export type CallEvent = RoomEventOf<"callJoined" | "callLeft" | "callMediaChanged" | "callPolicyChanged">;

/**
 * The call after one of its events. Shared by the server's `apply` and the browser's fold: every member
 * is shown the call exactly as the server keeps it. An event naming someone not in the call changes nothing.
 */
export function foldCall(call: Call, event: CallEvent): Call {
  switch (event.type) {
    case "callJoined": {
      const { userId, connectionId, media, at } = event.payload;
      return { ...call, members: { ...call.members, [userId]: { connectionId, joinedAt: at, media: { ...media } } } };
    }
    case "callLeft": {
      const { [event.payload.userId]: _left, ...members } = call.members;
      return { ...call, members };
    }
    case "callMediaChanged": {
      const { userId, media } = event.payload;
      const member = call.members[userId];
      return member ? { ...call, members: { ...call.members, [userId]: { ...member, media: { ...media } } } } : call;
    }
    case "callPolicyChanged":
      return { ...call, observersMaySpeak: event.payload.observersMaySpeak };
  }
  return unreachable(event);
}
