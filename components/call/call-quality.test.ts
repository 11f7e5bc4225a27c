import { describe, expect, it } from "vitest";
import { qualityLevel, readQuality } from "./call-quality";

const report = (...entries: Array<Record<string, unknown>>) => new Map(entries.map((entry) => [entry.id as string, entry])) as unknown as RTCStatsReport;

describe("qualityLevel", () => {
  it.each([
    [50, 0, "good"],
    [200, 2, "good"],
    [201, 0, "fair"],
    [50, 2.1, "fair"],
    [400, 5, "fair"],
    [401, 0, "poor"],
    [50, 5.1, "poor"],
    [null, 6, "poor"],
    [450, null, "poor"],
    [null, null, "good"],
  ] as const)("rtt %s ms and loss %s %% are %s", (rttMs, lossPercent, level) => {
    expect(qualityLevel(rttMs, lossPercent)).toBe(level);
  });
});

describe("readQuality", () => {
  it("takes the round trip of the transport's selected pair, not of another pair", () => {
    const { quality } = readQuality(
      report(
        { type: "transport", id: "T", selectedCandidatePairId: "B" },
        { type: "candidate-pair", id: "A", nominated: true, state: "succeeded", currentRoundTripTime: 0.9 },
        { type: "candidate-pair", id: "B", currentRoundTripTime: 0.123 },
      ),
      null,
    );
    expect(quality).toEqual({ rttMs: 123, lossPercent: null, level: "good" });
  });

  it("falls back to the nominated pair that succeeded when there are no transport stats", () => {
    const { quality } = readQuality(
      report(
        { type: "candidate-pair", id: "A", nominated: false, state: "failed", currentRoundTripTime: 0.9 },
        { type: "candidate-pair", id: "B", nominated: true, state: "succeeded", currentRoundTripTime: 0.25 },
      ),
      null,
    );
    expect(quality?.rttMs).toBe(250);
  });

  it("measures the loss since the previous sample, over audio and video together", () => {
    const first = readQuality(
      report({ type: "inbound-rtp", id: "A", packetsLost: 50, packetsReceived: 950 }, { type: "inbound-rtp", id: "V", packetsLost: 0, packetsReceived: 1000 }),
      null,
    );
    expect(first.quality?.lossPercent).toBe(2.5);
    const second = readQuality(
      report({ type: "inbound-rtp", id: "A", packetsLost: 53, packetsReceived: 1050 }, { type: "inbound-rtp", id: "V", packetsLost: 3, packetsReceived: 1194 }),
      first.counters,
    );
    // 6 lost of 300 expected since the first sample: 2 %, though the running total is 2.7 %.
    expect(second.quality).toEqual({ rttMs: null, lossPercent: 2, level: "good" });
  });

  it("never reports negative loss (duplicates), and nothing when no packet was expected", () => {
    const previous = { packetsLost: 10, packetsReceived: 1000 };
    expect(readQuality(report({ type: "inbound-rtp", id: "A", packetsLost: 8, packetsReceived: 1100 }), previous).quality?.lossPercent).toBe(0);
    expect(readQuality(report({ type: "inbound-rtp", id: "A", packetsLost: 10, packetsReceived: 1000 }), previous).quality).toBeNull();
  });
});
