"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { browserAudioLevelMeter, SpeakingDetector } from "@/components/call/audio-level";

/** Levels are shown in steps of 5%: finer steps re-render the meter without anyone seeing a difference. */
const STEPS = 20;

/**
 * A track's level (0..1) for a meter, sampled while the component is mounted; 0 without a track. The
 * state remembers which track it measured, so a new track never shows the old one's last level.
 */
export function useAudioLevel(track: MediaStreamTrack | null): number {
  const [measured, setMeasured] = useState<{ track: MediaStreamTrack; level: number } | null>(null);
  useEffect(() => {
    const meter = track ? browserAudioLevelMeter(track) : null;
    if (!track || !meter) return;
    const stop = meter.subscribe((level) => setMeasured({ track, level: Math.round(level * STEPS) / STEPS }));
    return () => {
      stop();
      meter.close();
    };
  }, [track]);
  return measured && measured.track === track ? measured.level : 0;
}

const NO_CHANGES = () => () => undefined;

/**
 * The audio track of `source`: the track itself, or a stream's first audio track, followed as a remote
 * stream gains and loses tracks (its addtrack/removetrack events). The browser fires those only for
 * remote streams; for this member's own microphone, pass the track (LocalMedia's `audioTrack`).
 */
function useAudioTrackOf(source: MediaStream | MediaStreamTrack | null): MediaStreamTrack | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!source || !("getAudioTracks" in source)) return NO_CHANGES();
      source.addEventListener("addtrack", onChange);
      source.addEventListener("removetrack", onChange);
      return () => {
        source.removeEventListener("addtrack", onChange);
        source.removeEventListener("removetrack", onChange);
      };
    },
    [source],
  );
  const read = () => {
    if (!source) return null;
    if ("getAudioTracks" in source) return source.getAudioTracks()[0] ?? null;
    return source.kind === "audio" ? source : null;
  };
  return useSyncExternalStore(subscribe, read, () => null);
}

/**
 * Whether the member behind `source` is speaking: their level above a threshold for about 200 ms, and
 * until about 600 ms of quiet (`SpeakingDetector`). A muted microphone sends silence, so it never speaks.
 */
export function useSpeaking(source: MediaStream | MediaStreamTrack | null): boolean {
  const track = useAudioTrackOf(source);
  const [state, setState] = useState<{ track: MediaStreamTrack; speaking: boolean } | null>(null);
  useEffect(() => {
    const meter = track ? browserAudioLevelMeter(track) : null;
    if (!track || !meter) return;
    const detector = new SpeakingDetector();
    const stop = meter.subscribe((_level, raw) => {
      const speaking = detector.update(raw, performance.now());
      setState((previous) => (previous?.track === track && previous.speaking === speaking ? previous : { track, speaking }));
    });
    return () => {
      stop();
      meter.close();
    };
  }, [track]);
  return state !== null && state.track === track && state.speaking;
}
