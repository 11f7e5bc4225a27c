/**
 * How loud a microphone (or a member's incoming audio) is, 0..1, for the device check's meter and the
 * tiles' speaking indicator. A Web Audio AnalyserNode read on a timer: an interval and not
 * requestAnimationFrame, so that the speaking indicator keeps up when the tab is in the background.
 */

/** Quieter than this is silence; this loud or more fills the meter. Speech close to a microphone sits around -30 dBFS. */
const FLOOR_DB = -60;
const CEILING_DB = -10;
/** Per tick, a falling level keeps this much of the last one: fast up, slow down, as meters move. */
const DECAY = 0.8;
export const LEVEL_INTERVAL_MS = 50;

/** The level of one window of samples (-1..1): its RMS in dBFS, from the floor (0) to the ceiling (1). */
export function levelOfSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  if (rms === 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / (CEILING_DB - FLOOR_DB)));
}

/** The next shown level: jumps up to a louder sample, falls off gradually from a quieter one. */
export function smoothedLevel(previous: number, sample: number): number {
  return Math.max(sample, previous * DECAY);
}

/** The part of an AudioContext a meter uses, so that tests give a fake. */
export interface AudioGraph {
  createMediaStreamSource(stream: MediaStream): Pick<MediaStreamAudioSourceNode, "connect" | "disconnect">;
  createAnalyser(): Pick<AnalyserNode, "fftSize" | "getFloatTimeDomainData" | "disconnect">;
}

export interface AudioLevelOptions {
  graph: AudioGraph;
  /** Wraps the track in a stream (Web Audio takes streams); `new MediaStream([track])` in a browser. */
  createStream(tracks: MediaStreamTrack[]): MediaStream;
  /** Calls `tick` every `ms`; returns how to stop. */
  every(ms: number, tick: () => void): () => void;
}

/**
 * A listener's view of each sample: `level` smoothed for a meter to show, `raw` as measured (for deciding
 * whether someone speaks, where smoothing would stretch a click into a syllable).
 */
export type LevelListener = (level: number, raw: number) => void;

/** One track's level, sampled every LEVEL_INTERVAL_MS while someone listens; `close` lets go of everything. */
export class AudioLevelMeter {
  private level = 0;
  private readonly listeners = new Set<LevelListener>();
  private readonly stopTimer: () => void;
  private readonly source: ReturnType<AudioGraph["createMediaStreamSource"]>;
  private readonly analyser: ReturnType<AudioGraph["createAnalyser"]>;
  private readonly samples: Float32Array<ArrayBuffer>;
  private closed = false;

  constructor(track: MediaStreamTrack, options: AudioLevelOptions) {
    this.analyser = options.graph.createAnalyser();
    // 2048 samples is about 43 ms at 48 kHz: read every 50 ms, nearly all the sound is measured, and a
    // key's click is diluted in it as a syllable is not. Still cheap twenty times a second.
    this.analyser.fftSize = 2048;
    this.samples = new Float32Array(this.analyser.fftSize);
    this.source = options.graph.createMediaStreamSource(options.createStream([track]));
    // Into the analyser only, never to the speakers: hearing oneself would echo.
    this.source.connect(this.analyser as AnalyserNode);
    this.stopTimer = options.every(LEVEL_INTERVAL_MS, this.tick);
  }

  /** `listener` hears every sample (LEVEL_INTERVAL_MS apart); returns how to stop. */
  subscribe(listener: LevelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getLevel(): number {
    return this.level;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopTimer();
    this.source.disconnect();
    this.analyser.disconnect();
    this.listeners.clear();
  }

  private tick = (): void => {
    this.analyser.getFloatTimeDomainData(this.samples);
    const raw = levelOfSamples(this.samples);
    this.level = smoothedLevel(this.level, raw);
    for (const listener of this.listeners) listener(this.level, raw);
  };
}

export interface SpeakingOptions {
  /** The level that counts as voice (0..1). */
  threshold: number;
  /** Voice for this long makes "speaking": a cough or a click does not. */
  onsetMs: number;
  /** Quiet for this long ends it: the pauses between words do not. */
  releaseMs: number;
}

export const SPEAKING: SpeakingOptions = { threshold: 0.3, onsetMs: 200, releaseMs: 600 };

/** Speaking or not, from levels over time. Pure: the caller gives the time of each level. */
export class SpeakingDetector {
  private speaking = false;
  /** Since when the level has been on the other side of the threshold from `speaking`; null when it agrees. */
  private changingSince: number | null = null;

  constructor(private readonly options: SpeakingOptions = SPEAKING) {}

  /** Takes one level at time `now` (ms); returns whether the member is speaking. */
  update(level: number, now: number): boolean {
    const loud = level >= this.options.threshold;
    if (loud === this.speaking) {
      this.changingSince = null;
      return this.speaking;
    }
    this.changingSince ??= now;
    if (now - this.changingSince >= (loud ? this.options.onsetMs : this.options.releaseMs)) {
      this.speaking = loud;
      this.changingSince = null;
    }
    return this.speaking;
  }
}

let sharedContext: AudioContext | null = null;

/**
 * One AudioContext for the page's meters (a context holds an audio thread; five tiles need not five).
 * Browsers start a context made before any click suspended, and a suspended context reads silence, so
 * it resumes at the page's next click or key press.
 */
export function pageAudioContext(): AudioContext {
  if (sharedContext) return sharedContext;
  const context = new AudioContext();
  sharedContext = context;
  if (context.state === "suspended") {
    const resume = () => {
      void context.resume();
      document.removeEventListener("pointerdown", resume);
      document.removeEventListener("keydown", resume);
    };
    void context.resume().catch(() => undefined);
    document.addEventListener("pointerdown", resume);
    document.addEventListener("keydown", resume);
  }
  return context;
}

/** A meter on `track` in this page, or null where the browser has no Web Audio. */
export function browserAudioLevelMeter(track: MediaStreamTrack): AudioLevelMeter | null {
  if (typeof AudioContext === "undefined") return null;
  return new AudioLevelMeter(track, {
    graph: pageAudioContext(),
    createStream: (tracks) => new MediaStream(tracks),
    every: (ms, tick) => {
      const timer = window.setInterval(tick, ms);
      return () => window.clearInterval(timer);
    },
  });
}
