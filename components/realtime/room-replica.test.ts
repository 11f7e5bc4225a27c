import { describe, expect, it } from "vitest";
import { eventForViewer, viewFor, type RoomState } from "@/server/domain/room";
import { at, interviewer, joinedRoom, run } from "@/server/domain/room/test-fixtures";
import type { RoomEventMessage } from "@/server/realtime/protocol";
import { RoomReplica } from "./room-replica";

/** A joined room and the events of three more commands, as the interviewer is sent them (seq 3, 4, 5). */
function scenario() {
  const joined = joinedRoom();
  let state: RoomState = joined;
  const messages: RoomEventMessage[] = [];
  const question = joined.questions[0]!;
  const commands = [
    { type: "start" } as const,
    { type: "revealFollowUp", questionId: question.id, followUpId: question.followUps[0]!.id } as const,
    { type: "addNote", body: "noted" } as const,
  ];
  commands.forEach((command, i) => {
    const { state: next, events } = run(state, interviewer, command, at(i + 1));
    for (const event of events) messages.push({ sessionId: state.sessionId, seq: 3 + messages.length, event: eventForViewer(event, state, interviewer)! });
    state = next;
  });
  return { joined, final: state, messages };
}

/** A replica holding the joined room's view at seq 2. */
function joinedReplica(joined: RoomState): RoomReplica {
  const replica = new RoomReplica();
  expect(replica.beginJoin()).toBeNull();
  replica.joined({ mode: "snapshot", view: viewFor(joined, interviewer), seq: 2 });
  return replica;
}

describe("RoomReplica", () => {
  it("folds live events in order and asks to catch up from the seq of the view it holds", () => {
    const { joined, final, messages } = scenario();
    const replica = joinedReplica(joined);
    for (const message of messages) expect(replica.event(message)).toBe("changed");
    expect(replica.event(messages[1]!)).toBe("unchanged");
    expect(replica.view).toEqual(viewFor(final, interviewer));
    expect(replica.beginJoin()).toBe(5);
  });

  it("holds what arrives while a join is on its way and replays it over the answer, once", () => {
    const { joined, final, messages } = scenario();
    const replica = joinedReplica(joined);
    expect(replica.beginJoin()).toBe(2);
    // Published live after the server read the room at seq 4, so not in the answer; and 4 in both.
    expect(replica.event(messages[2]!)).toBe("unchanged");
    expect(replica.event(messages[1]!)).toBe("unchanged");
    expect(replica.view).toEqual(viewFor(joined, interviewer));
    expect(replica.joined({ mode: "events", events: messages.slice(0, 2), scratchpads: {}, seq: 4 })).toBe("changed");
    expect(replica.seq).toBe(5);
    expect(replica.view).toEqual(viewFor(final, interviewer));
  });

  it("goes out of step on an event out of order, and then asks for a fresh view", () => {
    const { joined, messages } = scenario();
    const replica = joinedReplica(joined);
    expect(replica.event(messages[2]!)).toBe("changed");
    expect(replica.event(messages[1]!)).toBe("resync");
    expect(replica.beginJoin()).toBeNull();
  });

  it("ignores the answer of an earlier join that arrives after a later one", () => {
    const { joined, final, messages } = scenario();
    const replica = joinedReplica(joined);
    replica.beginJoin();
    replica.joined({ mode: "snapshot", view: viewFor(final, interviewer), seq: 5 });
    expect(replica.joined({ mode: "events", events: messages.slice(0, 1), scratchpads: {}, seq: 3 })).toBe("unchanged");
    expect(replica.view).toEqual(viewFor(final, interviewer));
    expect(replica.seq).toBe(5);
  });
});
