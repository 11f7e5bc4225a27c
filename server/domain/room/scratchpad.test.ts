import { collab, getSyncedVersion, receiveUpdates, sendableUpdates } from "@codemirror/collab";
import { ChangeSet, EditorState } from "@codemirror/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCRATCHPAD_MAX_LENGTH, SCRATCHPAD_TOO_LONG, type PadUpdate } from "./commands";
import {
  applyPadUpdates,
  decidePadPush,
  fitsScratchpad,
  newPadClientID,
  ownsPadClient,
  PAD_RECENT_PARTS,
  type PadDoc,
  type StoredPadUpdate,
} from "./scratchpad";
import { at, candidate, coInterviewer, interviewer, joinedRoom, liveRoom as fixtureLiveRoom, observer, run } from "./test-fixtures";
import type { RoomState } from "./room-state";
import type { Actor } from "./policy";

/** A live room whose questions have no starter code: their pads start empty. */
function liveRoom(): RoomState {
  const state = fixtureLiveRoom();
  return { ...state, questions: state.questions.map((question) => ({ ...question, code: null })) };
}

const Q1 = "question_1_id";
const Q2 = "question_2_id";
const PROPERTY_TIMEOUT_MS = 60_000;

/** A tab's client id, which names its member. */
const tabOf = (actor: Actor, tab = "a") => `${actor.userId}_${tab}`;

/** An insert of `text` at `from` into a document of `length`, as a client sends it (the candidate's tab unless said). */
function insert(length: number, from: number, text: string, clientID = tabOf(candidate)): PadUpdate {
  return { clientID, changes: ChangeSet.of({ from, insert: text }, length).toJSON() as PadUpdate["changes"] };
}

const push = (baseRevision: number, updates: PadUpdate[], language?: "python") => ({
  type: "editScratchpad" as const,
  questionId: Q1,
  baseRevision,
  updates,
  ...(language ? { language } : {}),
});

describe("the length rule", () => {
  it("is held in one place: up to the limit fits, one more does not", () => {
    expect(fitsScratchpad("x".repeat(SCRATCHPAD_MAX_LENGTH))).toBe(true);
    expect(fitsScratchpad("x".repeat(SCRATCHPAD_MAX_LENGTH + 1))).toBe(false);
  });
});

describe("decidePadPush", () => {
  it("accepts a push on the current version and numbers its updates", () => {
    const decision = decidePadPush(liveRoom(), undefined, candidate, push(0, [insert(0, 0, "abc")]), at(5));
    expect(decision).toMatchObject({ ok: true, accepted: [{ version: 1, clientID: tabOf(candidate) }] });
    if (!decision.ok) return;
    expect(decision.pad.doc.toString()).toBe("abc");
    const next = decidePadPush(liveRoom(), decision.pad, interviewer, push(1, [insert(3, 3, "!", tabOf(interviewer))]), at(6));
    expect(next.ok && next.pad.doc.toString()).toBe("abc!");
    expect(next.ok && next.pad.authorId).toBe(interviewer.userId);
  });

  it("moves a push made on an older version over what was accepted since", () => {
    const first = decidePadPush(liveRoom(), undefined, candidate, push(0, [insert(0, 0, "hello")]), at(1));
    if (!first.ok) throw new Error("refused");
    // The interviewer typed at the start of an empty pad, not having seen "hello" yet.
    const late = decidePadPush(liveRoom(), first.pad, interviewer, push(0, [insert(0, 0, ">> ", tabOf(interviewer))]), at(2));
    // Both inserted at 0: the one accepted first stays first.
    expect(late.ok && late.pad.doc.toString()).toBe("hello>> ");
    expect(late.ok && late.accepted.map((update) => update.version)).toEqual([2]);
  });

  it("drops updates it already accepted from the same client, so a push sent again changes nothing", () => {
    const first = decidePadPush(liveRoom(), undefined, candidate, push(0, [insert(0, 0, "abc")]), at(1));
    if (!first.ok) throw new Error("refused");
    const again = decidePadPush(liveRoom(), first.pad, candidate, push(0, [insert(0, 0, "abc")]), at(2));
    expect(again).toMatchObject({ ok: true, accepted: [] });
    expect(again.ok && again.pad.doc.toString()).toBe("abc");
  });

  it("takes a member's updates only under their own client ids, so no one passes for another's editor", () => {
    const first = decidePadPush(liveRoom(), undefined, interviewer, push(0, [insert(0, 0, "abc", tabOf(interviewer))]), at(1));
    if (!first.ok) throw new Error("refused");
    // The candidate, having seen the interviewer's id in a relay, sends a push under it.
    const forged = decidePadPush(liveRoom(), first.pad, candidate, push(0, [insert(0, 0, "abc", tabOf(interviewer))]), at(2));
    expect(forged).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // An id of another account whose own id this one begins with is not this account's either.
    const prefixed = { ...candidate, userId: `${interviewer.userId}_x` };
    expect(ownsPadClient(prefixed.userId, tabOf(interviewer))).toBe(false);
    expect(ownsPadClient(interviewer.userId, newPadClientID(interviewer.userId))).toBe(true);
    expect(ownsPadClient(interviewer.userId, `${interviewer.userId}_`)).toBe(true);
    expect(ownsPadClient("", "_abc")).toBe(false);
  });

  it("rebases over at most so many parts, and answers a push older than them CONFLICT, to be pulled", () => {
    // Each update changes every other character of a long line: many parts.
    const line = "x".repeat(2 * 4_000);
    let pad = decidePadPush(liveRoom(), undefined, candidate, push(0, [insert(0, 0, line)]), at(1));
    const spread = (length: number): PadUpdate => ({
      clientID: tabOf(interviewer),
      changes: ChangeSet.of(
        Array.from({ length: 4_000 }, (_, i) => ({ from: 2 * i, insert: "y" })),
        length,
      ).toJSON() as PadUpdate["changes"],
    });
    for (let i = 0; i < 10 && pad.ok; i++) pad = decidePadPush(liveRoom(), pad.pad, interviewer, push(pad.pad.version, [spread(pad.pad.doc.length)]), at(2));
    if (!pad.ok) throw new Error("refused");
    const keptParts = pad.pad.recent.reduce((sum, update) => sum + update.parts, 0);
    expect(keptParts).toBeLessThanOrEqual(PAD_RECENT_PARTS);
    expect(pad.pad.recent.length).toBeLessThan(11);
    // A push made on version 1 would have to move over more parts than are kept.
    expect(decidePadPush(liveRoom(), pad.pad, candidate, push(1, [insert(line.length, 0, "!")]), at(3))).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
  });

  it("makes a language pick a change-less update of the server's, kept in order", () => {
    const picked = decidePadPush(liveRoom(), undefined, candidate, push(0, [], "python"), at(5));
    expect(picked).toMatchObject({ ok: true, accepted: [{ version: 1, clientID: "", language: "python" }] });
    expect(picked.ok && picked.pad.language).toBe("python");
  });

  it("starts a pad nobody typed in from the question's starter code, in its language", () => {
    const starter = "def PROMPT_Q1_STARTER(nums):\n    pass\n";
    const decision = decidePadPush(fixtureLiveRoom(), undefined, candidate, push(0, [insert(starter.length, starter.length, "# mine\n")]), at(1));
    expect(decision.ok && decision.pad.doc.toString()).toBe(`${starter}# mine\n`);
    expect(decision.ok && decision.pad.language).toBe("python");
  });

  it("continues from the last checkpoint when this node has no copy", () => {
    const state = run(liveRoom(), candidate, { type: "checkpointScratchpad", questionId: Q1, text: "saved", revision: 4 }).state;
    const decision = decidePadPush(state, undefined, candidate, push(4, [insert(5, 5, "!")]), at(7));
    expect(decision.ok && decision.pad.doc.toString()).toBe("saved!");
    expect(decision.ok && decision.pad.version).toBe(5);
    // Older than what this copy can move a push over, or newer than it: the client catches up first.
    expect(decidePadPush(state, undefined, candidate, push(3, [insert(5, 5, "!")]), at(7))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(decidePadPush(state, undefined, candidate, push(9, [insert(5, 5, "!")]), at(7))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("lets the candidate and the interviewers type, and refuses observers, unasked questions, the lobby and changes that do not fit", () => {
    for (const actor of [candidate, interviewer, coInterviewer])
      expect(decidePadPush(liveRoom(), undefined, actor, push(0, [insert(0, 0, "x", tabOf(actor))]), at(1)).ok).toBe(true);
    expect(decidePadPush(liveRoom(), undefined, observer, push(0, [insert(0, 0, "x", tabOf(observer))]), at(1))).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(decidePadPush(liveRoom(), undefined, candidate, { ...push(0, [insert(0, 0, "x")]), questionId: Q2 }, at(1))).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(decidePadPush(joinedRoom(), undefined, candidate, push(0, [insert(0, 0, "x")]), at(1))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // Made on a text of 3 characters; the pad is empty.
    expect(decidePadPush(liveRoom(), undefined, candidate, push(0, [insert(3, 1, "x")]), at(1))).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(decidePadPush(liveRoom(), undefined, candidate, push(0, [{ clientID: tabOf(candidate), changes: [[5, "x"]] as never }]), at(1))).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  });

  it("refuses a push that would pass the limit, saying what the limit is, even when each update is within it", () => {
    const half = "x".repeat(SCRATCHPAD_MAX_LENGTH / 2);
    const updates = [insert(0, 0, half), insert(half.length, 0, half), insert(2 * half.length, 0, half)];
    const decision = decidePadPush(liveRoom(), undefined, candidate, push(0, updates), at(1));
    expect(decision).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
    if (!decision.ok) expect(decision.error.message).toContain(SCRATCHPAD_TOO_LONG);
  });
});

/**
 * Two or three members typing at once against the server's decide, with relays delivered late and in
 * any interleaving, pushes lost (a dropped socket) and members who reconnect and catch up by pulling
 * from the stored log: once everything is delivered, every member's text is the server's.
 */
describe("concurrent typing converges", () => {
  const typists: Actor[] = [candidate, interviewer, coInterviewer];

  type Client = { actor: Actor; state: EditorState; inbox: StoredPadUpdate[][] };
  type Step =
    | { kind: "type"; who: number; at: number; text: string; remove: number }
    | { kind: "push"; who: number; lost: boolean }
    | { kind: "deliver"; who: number }
    | { kind: "reconnect"; who: number };

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant("type" as const), who: fc.nat(2), at: fc.nat(), text: fc.string({ maxLength: 4 }), remove: fc.nat(3) }),
    fc.record({ kind: fc.constant("push" as const), who: fc.nat(2), lost: fc.boolean() }),
    fc.record({ kind: fc.constant("deliver" as const), who: fc.nat(2) }),
    fc.record({ kind: fc.constant("reconnect" as const), who: fc.nat(2) }),
  );

  function simulate(memberCount: number, steps: Step[]) {
    const state = liveRoom();
    let pad: PadDoc | undefined;
    const log: StoredPadUpdate[] = [];
    const clients: Client[] = typists.slice(0, memberCount).map((actor, i) => ({
      actor,
      state: EditorState.create({ doc: "", extensions: [collab({ startVersion: 0, clientID: tabOf(actor, String(i)) })] }),
      inbox: [],
    }));
    const receive = (client: Client, updates: StoredPadUpdate[]) => {
      const version = getSyncedVersion(client.state);
      const fresh = updates.filter((update) => update.version > version);
      if (fresh.length === 0) return;
      // A gap (a relay lost with a dropped socket): catch up from the log, as a pull does.
      const missing = fresh[0]!.version > version + 1 ? log.filter((update) => update.version > version) : fresh;
      const parsed = missing.map((update) => ({ clientID: update.clientID, changes: ChangeSet.fromJSON(update.changes) }));
      client.state = receiveUpdates(client.state, parsed).state;
    };
    const pushFrom = (client: Client, lost: boolean) => {
      const unconfirmed = sendableUpdates(client.state);
      if (unconfirmed.length === 0) return;
      const updates = unconfirmed.map((update) => ({ clientID: update.clientID, changes: update.changes.toJSON() as PadUpdate["changes"] }));
      const decision = decidePadPush(state, pad, client.actor, push(getSyncedVersion(client.state), updates), at(1));
      if (!decision.ok) {
        // Older than the updates the server keeps: the client pulls, then pushes again.
        expect(decision.error.code).toBe("CONFLICT");
        receive(client, log);
        return;
      }
      pad = decision.pad;
      log.push(...decision.accepted);
      // A lost push was still stored: only the relay to its sender is lost; the others get theirs.
      for (const other of clients) if (!(lost && other === client)) other.inbox.push(decision.accepted);
    };
    for (const action of steps) {
      const client = clients[action.who % clients.length]!;
      if (action.kind === "type") {
        const length = client.state.doc.length;
        const from = length === 0 ? 0 : action.at % (length + 1);
        const to = Math.min(length, from + action.remove);
        client.state = client.state.update({ changes: { from, to, insert: action.text } }).state;
      } else if (action.kind === "push") pushFrom(client, action.lost);
      else if (action.kind === "deliver") {
        const next = client.inbox.shift();
        if (next) receive(client, next);
      } else {
        client.inbox = [];
        receive(client, log);
      }
    }
    // Everyone pushes what is left and receives everything.
    for (let round = 0; round < 4; round++) {
      for (const client of clients) {
        receive(client, log);
        pushFrom(client, false);
      }
    }
    for (const client of clients) receive(client, log);
    return { clients, pad, log };
  }

  it.each([2, 3])(
    "with %i members, in any interleaving, including lost relays and reconnects",
    (members) => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
          const { clients, pad, log } = simulate(members, steps);
          const serverText = pad?.doc.toString() ?? "";
          expect(applyPadUpdates("", log)).toBe(serverText);
          for (const client of clients) {
            expect(sendableUpdates(client.state)).toEqual([]);
            expect(client.state.doc.toString()).toBe(serverText);
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("keeps every member's typing: what each typed alone is in the final text", () => {
    const { pad } = simulate(3, [
      { kind: "type", who: 0, at: 0, text: "AAA", remove: 0 },
      { kind: "type", who: 1, at: 0, text: "BBB", remove: 0 },
      { kind: "push", who: 1, lost: true },
      { kind: "type", who: 2, at: 0, text: "CCC", remove: 0 },
      { kind: "push", who: 0, lost: false },
      { kind: "reconnect", who: 1 },
    ]);
    for (const typed of ["AAA", "BBB", "CCC"]) expect(pad?.doc.toString()).toContain(typed);
  });
});
