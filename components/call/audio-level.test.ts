import { describe, expect, it } from "vitest";
import { AudioLevelMeter, levelOfSamples, smoothedLevel, SpeakingDetector, type AudioGraph, type AudioLevelOptions } from "./audio-level";

/** A sine wave of the given peak amplitude; its RMS is peak / sqrt(2). */
function sine(peak: number, length = 2048): Float32Array<ArrayBuffer> {
  return Float32Array.from({ length }, (_, index) => peak * Math.sin((2 * Math.PI * index) / 48));
}

describe("levelOfSamples", () => {
  it("is 0 for silence and for the noise floor, 1 for a loud signal, and rises with loudness", () => {
    expect(levelOfSamples(new Float32Array(2048))).toBe(0);
    expect(levelOfSamples(new Float32Array(0))).toBe(0);
    expect(levelOfSamples(sine(0.0005))).toBe(0);
    expect(levelOfSamples(sine(0.9))).toBe(1);
    const speech = levelOfSamples(sine(0.05)); // about -29 dBFS
    expect(speech).toBeGreaterThan(0.55);
    expect(speech).toBeLessThan(0.7);
    expect(levelOfSamples(sine(0.01))).toBeLessThan(speech);
  });
});

describe("smoothedLevel", () => {
  it("jumps up at once and falls off gradually", () => {
    expect(smoothedLevel(0.1, 0.9)).toBe(0.9);
    expect(smoothedLevel(0.9, 0)).toBeCloseTo(0.72);
  });
});

/** A Web Audio graph whose analyser returns whatever `samples` holds, and remembers what was disconnected. */
function fakeAudio() {
  const state = { samples: new Float32Array(2048) as Float32Array<ArrayBuffer>, disconnected: [] as string[], timers: 0, tick: () => {} };
  const graph: AudioGraph = {
    createMediaStreamSource: () => ({ connect: () => undefined, disconnect: () => void state.disconnected.push("source") }) as never,
    createAnalyser: () =>
      ({
        fftSize: 0,
        getFloatTimeDomainData: (into: Float32Array) => into.set(state.samples.subarray(0, into.length)),
        disconnect: () => void state.disconnected.push("analyser"),
      }) as never,
  };
  const options: AudioLevelOptions = {
    graph,
    createStream: () => ({}) as MediaStream,
    every: (_ms, tick) => {
      state.timers++;
      state.tick = tick;
      return () => void state.timers--;
    },
  };
  return { state, options };
}

describe("AudioLevelMeter", () => {
  it("tells its listeners each sample's level, and lets go of its timer and nodes on close", () => {
    const { state, options } = fakeAudio();
    const meter = new AudioLevelMeter({} as MediaStreamTrack, options);
    const heard: Array<[number, number]> = [];
    meter.subscribe((level, raw) => heard.push([level, raw]));
    state.samples = sine(0.9);
    state.tick();
    state.samples = new Float32Array(2048);
    state.tick();
    expect(heard[0]).toEqual([1, 1]);
    expect(heard[1]?.[0]).toBeCloseTo(0.8);
    expect(heard[1]?.[1]).toBe(0);
    expect(meter.getLevel()).toBeCloseTo(0.8);
    meter.close();
    expect(state.timers).toBe(0);
    expect(state.disconnected.sort()).toEqual(["analyser", "source"]);
  });
});

describe("SpeakingDetector", () => {
  const feed = (detector: SpeakingDetector, levels: number[], start = 0) => levels.map((level, index) => detector.update(level, start + index * 50));

  it("says speaking after ~200 ms of voice, not after a click", () => {
    const detector = new SpeakingDetector();
    expect(feed(detector, [0.9, 0, 0, 0.9, 0])).toEqual([false, false, false, false, false]);
    expect(feed(detector, [0.6, 0.6, 0.6, 0.6, 0.6], 1000)).toEqual([false, false, false, false, true]);
  });

  it("keeps speaking through the pauses between words and stops after ~600 ms of quiet", () => {
    const detector = new SpeakingDetector();
    feed(detector, [0.6, 0.6, 0.6, 0.6, 0.6]);
    expect(feed(detector, [0, 0, 0.6, 0, 0], 250)).toEqual([true, true, true, true, true]);
    // Quiet since 400 ms (the last two levels above): not speaking from 1000 ms, the 11th level from 500 ms.
    const quiet = feed(detector, Array<number>(14).fill(0), 500);
    expect(quiet.indexOf(false)).toBe(10);
  });
});
