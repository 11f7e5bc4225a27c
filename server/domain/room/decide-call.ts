import type { CommandOf } from "./commands";
import type { RoomEvent } from "./events";
import { canSpeakInCall, type Actor } from "./policy";
import { refuse, type Refused } from "./room-error";
import type { CallMedia, RoomState } from "./room-state";
import { unreachable } from "./unreachable";

/**
 * The call's commands. The media travel peer to peer; what is decided here is who is in the call, from
 * which tab, and what each member sends, which everyone is shown and which the others' browsers play.
 */
export type CallCommand = CommandOf<"joinCall" | "leaveCall" | "setCallMedia" | "setCallPolicy">;

type CallDecision = { ok: true; events: RoomEvent[] } | Refused;

const OBSERVERS_SILENT = "The interviewer has not let observers speak in this call.";
const NOT_IN_CALL = "Join the call first.";
const MOVED = "Your call moved to another tab.";

export function decideCall(state: RoomState, actor: Actor, command: CallCommand, at: string): CallDecision {
  switch (command.type) {
    case "joinCall":
      return joinCall(state, actor, command, at);
    case "leaveCall": {
      const member = state.call.members[actor.userId];
      // A tab the call has already left (or moved away from) has nothing to leave.
      if (member?.connectionId !== command.connectionId) return { ok: true, events: [] };
      return { ok: true, events: [{ type: "callLeft", payload: { userId: actor.userId, reason: "left", at } }] };
    }
    case "setCallMedia":
      return setCallMedia(state, actor, command, at);
    case "setCallPolicy":
      return setCallPolicy(state, command, at);
  }
  return unreachable(command);
}

function sendsAnything(media: Partial<CallMedia>): boolean {
  return media.audio === true || media.video === true || media.screen === true;
}

function joinCall(state: RoomState, actor: Actor, command: CommandOf<"joinCall">, at: string): CallDecision {
  if (sendsAnything(command.media) && !canSpeakInCall(actor.role, state.call)) return refuse("FORBIDDEN", OBSERVERS_SILENT);
  // The same tab again (a retried command) changes nothing; another tab takes the call over.
  if (state.call.members[actor.userId]?.connectionId === command.connectionId) return { ok: true, events: [] };
  const media = { ...command.media, screen: false };
  return { ok: true, events: [{ type: "callJoined", payload: { userId: actor.userId, connectionId: command.connectionId, media, at } }] };
}

function setCallMedia(state: RoomState, actor: Actor, command: CommandOf<"setCallMedia">, at: string): CallDecision {
  const member = state.call.members[actor.userId];
  if (!member) return refuse("CONFLICT", NOT_IN_CALL);
  if (member.connectionId !== command.connectionId) return refuse("CONFLICT", MOVED);
  const { type: _type, connectionId: _connectionId, ...changes } = command;
  if (sendsAnything(changes) && !canSpeakInCall(actor.role, state.call)) return refuse("FORBIDDEN", OBSERVERS_SILENT);
  const media = { ...member.media, ...changes };
  if (media.audio === member.media.audio && media.video === member.media.video && media.screen === member.media.screen) {
    return { ok: true, events: [] };
  }
  return { ok: true, events: [{ type: "callMediaChanged", payload: { userId: actor.userId, media, at } }] };
}

/** Silencing observers turns off what they are sending, in the same step, so nobody plays it any longer. */
function setCallPolicy(state: RoomState, command: CommandOf<"setCallPolicy">, at: string): CallDecision {
  if (state.call.observersMaySpeak === command.observersMaySpeak) return { ok: true, events: [] };
  const events: RoomEvent[] = [{ type: "callPolicyChanged", payload: { observersMaySpeak: command.observersMaySpeak, at } }];
  if (!command.observersMaySpeak) {
    for (const participant of state.participants) {
      const member = state.call.members[participant.userId];
      if (participant.role !== "OBSERVER" || !member || !sendsAnything(member.media)) continue;
      events.push({ type: "callMediaChanged", payload: { userId: participant.userId, media: { audio: false, video: false, screen: false }, at } });
    }
  }
  return { ok: true, events };
}

/** Leaving the room, or being removed from it, leaves the call first. */
export function leaveCallWith(state: RoomState, userId: string, reason: "disconnected" | "removed", at: string): RoomEvent[] {
  return state.call.members[userId] ? [{ type: "callLeft", payload: { userId, reason, at } }] : [];
}

/** Where a call signal goes: from the sender's tab in the call to another member's. */
export interface SignalRoute {
  fromConnection: string;
  to: string;
  toConnection: string;
}

const NOT_A_CALLEE = "That member is not in the call.";

/**
 * Why `actor` may not send a call signal along `route`, or null when they may: both ends are in this
 * room's call, from and to the tabs named. Nothing is relayed otherwise, so a signal reaches only a tab
 * in the same call.
 */
export function signalRefusal(state: RoomState, actor: Actor, route: SignalRoute): Refused | null {
  const sender = state.call.members[actor.userId];
  if (!sender) return refuse("CONFLICT", NOT_IN_CALL);
  if (sender.connectionId !== route.fromConnection) return refuse("CONFLICT", MOVED);
  const target = route.to === actor.userId ? undefined : state.call.members[route.to];
  if (!target || target.connectionId !== route.toConnection) return refuse("NOT_FOUND", NOT_A_CALLEE);
  return null;
}
