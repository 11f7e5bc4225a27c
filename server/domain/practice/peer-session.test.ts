import { describe, expect, it } from "vitest";
import { askerOf, decideNoShow, decideSwap, NO_SHOW_AFTER_MS, type PeerSessionFacts } from "./peer-session";
import { chooseQuestion } from "./choose-question";
import { FEEDBACK_RELEASE_AFTER_MS, feedbackReleased, rateCriteria } from "./feedback";

const startedAt = new Date("2026-12-06T12:00:00Z");
const minutesIn = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
const session: PeerSessionFacts = { firstId: "ann", secondId: "bob", status: "ACCEPTED", half: 1, halfStartedAt: startedAt, halfMinutes: 30, swapAskedBy: [] };

describe("decideSwap", () => {
  it("waits for the other person before the half's time is up, and swaps once both asked", () => {
    expect(decideSwap(session, "ann", minutesIn(5))).toEqual({ swap: false, waitingFor: "bob" });
    expect(decideSwap({ ...session, swapAskedBy: ["ann"] }, "bob", minutesIn(5))).toEqual({ swap: true });
    expect(decideSwap({ ...session, swapAskedBy: ["ann"] }, "ann", minutesIn(5))).toEqual({ swap: false, waitingFor: "bob" });
  });

  it("swaps at once when the half's time is up", () => {
    expect(decideSwap(session, "bob", minutesIn(30))).toEqual({ swap: true });
  });

  it("refuses someone not in the session, and a second swap", () => {
    expect(decideSwap(session, "eve", minutesIn(40))).toEqual({ error: "You are not in this practice session." });
    expect(decideSwap({ ...session, half: 2 }, "ann", minutesIn(40))).toHaveProperty("error");
    expect(decideSwap({ ...session, status: "PROPOSED", half: 0 }, "ann", minutesIn(40))).toHaveProperty("error");
  });

  it("has the first person ask first and the second ask second", () => {
    expect([askerOf(session, 1), askerOf(session, 2)]).toEqual(["ann", "bob"]);
  });
});

describe("chooseQuestion", () => {
  const first = () => 0;
  it("never chooses a question the person answering was asked before", () => {
    expect(chooseQuestion([{ id: "q1", askedToAnswerer: true, answeredByAsker: false }], new Set(), first)).toBeNull();
    expect(
      chooseQuestion(
        [
          { id: "q1", askedToAnswerer: true, answeredByAsker: true },
          { id: "q2", askedToAnswerer: false, answeredByAsker: false },
        ],
        new Set(),
        first,
      ),
    ).toBe("q2");
  });

  it("prefers one the person asking has answered before, and skips the excluded", () => {
    const options = [
      { id: "q1", askedToAnswerer: false, answeredByAsker: false },
      { id: "q2", askedToAnswerer: false, answeredByAsker: true },
      { id: "q3", askedToAnswerer: false, answeredByAsker: true },
    ];
    expect(chooseQuestion(options, new Set(), first)).toBe("q2");
    expect(chooseQuestion(options, new Set(["q2", "q3"]), first)).toBe("q1");
    expect(chooseQuestion(options, new Set(), (count) => count - 1)).toBe("q3");
  });
});

describe("peer feedback", () => {
  const ended = new Date("2026-12-06T13:00:00Z");
  const written = new Date("2026-12-06T13:05:00Z");
  it("is read once both have written, or a day after the session ended", () => {
    expect(feedbackReleased({ otherHasWritten: true, sessionEndedAt: ended, writtenAt: written }, written)).toBe(true);
    expect(
      feedbackReleased({ otherHasWritten: false, sessionEndedAt: ended, writtenAt: written }, new Date(ended.getTime() + FEEDBACK_RELEASE_AFTER_MS - 1)),
    ).toBe(false);
    expect(feedbackReleased({ otherHasWritten: false, sessionEndedAt: ended, writtenAt: written }, new Date(ended.getTime() + FEEDBACK_RELEASE_AFTER_MS))).toBe(
      true,
    );
    expect(feedbackReleased({ otherHasWritten: false, sessionEndedAt: null, writtenAt: written }, new Date(ended.getTime() + FEEDBACK_RELEASE_AFTER_MS))).toBe(
      false,
    );
  });

  it("rates each criterion of the question asked, once", () => {
    expect(rateCriteria(["Depth", "Trade-offs"], [3, "no_evidence"])).toEqual([
      { title: "Depth", rating: 3 },
      { title: "Trade-offs", rating: "no_evidence" },
    ]);
    expect(rateCriteria(["Depth", "Trade-offs"], [3])).toHaveProperty("error");
  });
});

describe("decideNoShow", () => {
  const awaited = { half: 1, halfStartedAt: startedAt, partnerCame: false };
  it("lets one leave a partner who has not come in five minutes", () => {
    expect(decideNoShow(awaited, new Date(startedAt.getTime() + NO_SHOW_AFTER_MS))).toEqual({ ok: true });
    expect(decideNoShow(awaited, new Date(startedAt.getTime() + NO_SHOW_AFTER_MS - 1))).toEqual({ error: "Give your partner 1 more minute(s) to come in." });
  });

  it("not once the partner came, nor in the second half", () => {
    expect(decideNoShow({ ...awaited, partnerCame: true }, minutesIn(10))).toHaveProperty("error");
    expect(decideNoShow({ ...awaited, half: 2 }, minutesIn(10))).toHaveProperty("error");
  });
});
