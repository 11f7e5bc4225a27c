// A connection's quality from its getStats() report: round-trip time and packet loss, and a level the
// room shows as a small indicator, with a warning when it is poor.

export type QualityLevel = "good" | "fair" | "poor";

export interface CallQuality {
  /** The selected candidate pair's currentRoundTripTime; null before the pair has one. */
  rttMs: number | null;
  /** Packets lost of those expected, over all incoming audio and video since the previous sample; null when none were expected. */
  lossPercent: number | null;
  level: QualityLevel;
}

/** Running totals of the incoming RTP streams: a sample's loss is the difference from the previous one. */
export interface LossCounters {
  packetsLost: number;
  packetsReceived: number;
}

/**
 * The thresholds. A conversation starts to feel laggy past ~300 ms round trip (ITU-T G.114's 150 ms one
 * way) and broken past ~400 ms; Opus and VP8 conceal a couple of percent of loss, and past five percent
 * voices break up and video freezes.
 */
export const QUALITY_THRESHOLDS = {
  fair: { rttMs: 200, lossPercent: 2 },
  poor: { rttMs: 400, lossPercent: 5 },
} as const;

/** The worse of what the round trip and the loss say; what was not measured says nothing. */
export function qualityLevel(rttMs: number | null, lossPercent: number | null): QualityLevel {
  const past = (limit: { rttMs: number; lossPercent: number }) => (rttMs ?? 0) > limit.rttMs || (lossPercent ?? 0) > limit.lossPercent;
  if (past(QUALITY_THRESHOLDS.poor)) return "poor";
  if (past(QUALITY_THRESHOLDS.fair)) return "fair";
  return "good";
}

interface StatsEntry {
  type: string;
  id: string;
  [field: string]: unknown;
}

/** The pair ICE is using: the transport's selected pair, or (Firefox has no transport stats) the nominated one that works. */
function selectedPair(entries: StatsEntry[]): StatsEntry | undefined {
  const pairs = entries.filter((entry) => entry.type === "candidate-pair");
  const selectedId = entries.find((entry) => entry.type === "transport" && typeof entry.selectedCandidatePairId === "string")?.selectedCandidatePairId;
  return pairs.find((pair) => pair.id === selectedId) ?? pairs.find((pair) => pair.nominated === true && pair.state === "succeeded");
}

function lossCounters(entries: StatsEntry[]): LossCounters {
  const counters = { packetsLost: 0, packetsReceived: 0 };
  for (const entry of entries) {
    if (entry.type !== "inbound-rtp") continue;
    counters.packetsLost += typeof entry.packetsLost === "number" ? entry.packetsLost : 0;
    counters.packetsReceived += typeof entry.packetsReceived === "number" ? entry.packetsReceived : 0;
  }
  return counters;
}

/**
 * The quality one report shows, given the counters of the previous sample (null for the first); also
 * returns this sample's counters for the next. null quality when neither figure could be measured.
 */
export function readQuality(report: RTCStatsReport, previous: LossCounters | null): { quality: CallQuality | null; counters: LossCounters } {
  const entries: StatsEntry[] = [];
  report.forEach((entry: StatsEntry) => entries.push(entry));
  const roundTrip = selectedPair(entries)?.currentRoundTripTime;
  const rttMs = typeof roundTrip === "number" ? Math.round(roundTrip * 1000) : null;
  const counters = lossCounters(entries);
  const lost = previous ? counters.packetsLost - previous.packetsLost : counters.packetsLost;
  const received = previous ? counters.packetsReceived - previous.packetsReceived : counters.packetsReceived;
  // packetsLost counts duplicates as negative loss: never report less than none.
  const expected = Math.max(0, lost) + received;
  const lossPercent = expected > 0 ? Math.round((Math.max(0, lost) / expected) * 1000) / 10 : null;
  if (rttMs === null && lossPercent === null) return { quality: null, counters };
  return { quality: { rttMs, lossPercent, level: qualityLevel(rttMs, lossPercent) }, counters };
}
