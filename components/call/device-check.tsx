"use client";

import { Mic, MicOff, Video, VideoOff } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import type { JoinChoice } from "@/components/call/call-controller";
import type { DeviceOption, LocalMedia } from "@/components/call/local-media";
import { problemsToShow, type MediaKind, type MediaProblem } from "@/components/call/media-problems";
import { useAudioLevel } from "@/components/call/use-audio-level";
import { useLocalMedia } from "@/components/call/use-local-media";
import { Select } from "@/components/bank/field-controls";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";

export interface DeviceCheckProps {
  /** The member's devices; made and closed by the caller, which keeps it through the call. */
  media: LocalMedia;
  onJoin: (choice: JoinChoice) => void;
  /** False for an observer the owner has not allowed to speak: they join to listen and watch, and no device is asked for. */
  maySpeak?: boolean;
  /** The join is on its way: the button waits. */
  joining?: boolean;
  /** Why the last join failed, in a sentence from the caller. */
  error?: string | null;
  className?: string;
}

const NOUN: Record<MediaKind, string> = { audio: "microphone", video: "camera" };

/**
 * The lobby's check before joining the call: a mirrored preview, the microphone's level, a choice of
 * devices, camera and microphone on or off, what did not work and why, and "Join call" with what works.
 */
export function DeviceCheck({ media, onJoin, maySpeak = true, joining = false, error = null, className }: DeviceCheckProps) {
  const snapshot = useLocalMedia(media);
  const headingId = useId();
  useEffect(() => {
    if (maySpeak) void media.open({ audio: true, video: true });
  }, [media, maySpeak]);

  const join = () => onJoin(maySpeak ? { audio: snapshot.audio, video: snapshot.video } : { audio: false, video: false });
  return (
    <section aria-labelledby={headingId} className={cn("@container grid gap-4", className)} data-testid="device-check">
      <h2 id={headingId} className="text-[15px] font-semibold tracking-tight">
        {maySpeak ? "Check your camera and microphone" : "Join the call"}
      </h2>
      {maySpeak ? (
        <div className="grid gap-4 @xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] @xl:items-start">
          <CameraPreview stream={snapshot.stream} videoTrack={snapshot.videoTrack} starting={snapshot.pending.video} />
          <div className="grid gap-4">
            <MicLevel track={snapshot.audioTrack} on={snapshot.audio} />
            <div className="grid grid-cols-2 gap-2">
              <DeviceToggle kind="audio" on={snapshot.audio} pending={snapshot.pending.audio} onToggle={(on) => void media.setAudio(on)} />
              <DeviceToggle kind="video" on={snapshot.video} pending={snapshot.pending.video} onToggle={(on) => void media.setVideo(on)} />
            </div>
            <DeviceSelect kind="audio" devices={snapshot.devices.audio} selected={snapshot.selected.audio} problem={snapshot.problems.audio} media={media} />
            <DeviceSelect kind="video" devices={snapshot.devices.video} selected={snapshot.selected.video} problem={snapshot.problems.video} media={media} />
          </div>
        </div>
      ) : (
        <Alert>You will listen and watch: the interviewer has not allowed observers to speak in this call.</Alert>
      )}
      {maySpeak
        ? problemsToShow(snapshot.problems.audio, snapshot.problems.video).map((problem) => (
            <Alert key={problem.subject} variant="error" data-testid="device-problem" data-reason={problem.reason}>
              {problem.message}
            </Alert>
          ))
        : null}
      {error ? <Alert variant="error">{error}</Alert> : null}
      <div className="grid gap-2 @md:flex @md:items-center @md:justify-between">
        <p className="text-[13px] text-muted-foreground" data-testid="join-summary">
          {maySpeak ? joinSummary(snapshot.audio, snapshot.video) : "Others will not see or hear you."}
        </p>
        <Button type="button" size="lg" onClick={join} loading={joining} className="w-full @md:w-auto">
          Join call
        </Button>
      </div>
    </section>
  );
}

function joinSummary(audio: boolean, video: boolean): string {
  if (audio && video) return "You will join with your camera and microphone on.";
  if (audio) return "You will join with your microphone on and your camera off.";
  if (video) return "You will join with your camera on and your microphone off.";
  return "You will join with your camera and microphone off: others will not see or hear you until you turn them on.";
}

function CameraPreview({ stream, videoTrack, starting }: { stream: MediaStream | null; videoTrack: MediaStreamTrack | null; starting: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    // Set again for each new camera track: not every browser shows a track added to a stream already playing.
    element.srcObject = null;
    element.srcObject = videoTrack ? stream : null;
  }, [stream, videoTrack]);
  return (
    <div className="relative aspect-video overflow-hidden rounded-lg border bg-muted">
      {/* Mirrored, as people expect to see themselves; others see the camera's own image. Muted: no echo. */}
      <video
        ref={video}
        autoPlay
        playsInline
        muted
        aria-label="Preview of your camera"
        data-testid="camera-preview"
        className={cn("size-full -scale-x-100 object-cover", !videoTrack && "invisible")}
      />
      {videoTrack ? null : (
        <div className="absolute inset-0 grid place-content-center justify-items-center gap-2 p-4 text-center text-sm text-muted-foreground">
          {starting ? <Spinner className="size-5" /> : <VideoOff aria-hidden className="size-6" />}
          <span>{starting ? "Starting your camera…" : "Your camera is off"}</span>
        </div>
      )}
    </div>
  );
}

function MicLevel({ track, on }: { track: MediaStreamTrack | null; on: boolean }) {
  const labelId = useId();
  const level = useAudioLevel(on ? track : null);
  const percent = Math.round(level * 100);
  return (
    <div className="grid gap-2">
      <span id={labelId} className="text-[13px] leading-none font-medium">
        Microphone level
      </span>
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={on ? `${percent}%` : "Microphone off"}
        data-testid="mic-level"
        className="h-2 overflow-hidden rounded-full bg-muted ring-1 ring-border ring-inset"
      >
        <div className="h-full origin-left rounded-full bg-success transition-transform duration-75" style={{ transform: `scaleX(${level})` }} />
      </div>
      <span className="text-xs text-muted-foreground">{on ? "Speak: the bar should move." : "Your microphone is off."}</span>
    </div>
  );
}

interface DeviceToggleProps {
  kind: MediaKind;
  on: boolean;
  pending: boolean;
  onToggle: (on: boolean) => void;
  /** With the reason in its title (an observer the owner has not let speak). */
  disabled?: boolean;
  title?: string;
  size?: "sm" | "md";
  className?: string;
}

// Short enough for two buttons side by side at 390 px; the microphone's name says which device it mutes.
const TOGGLE_TEXT: Record<MediaKind, Record<"on" | "off", { text: string; name: string }>> = {
  audio: { on: { text: "Mute", name: "Mute microphone" }, off: { text: "Unmute", name: "Unmute microphone" } },
  video: { on: { text: "Stop camera", name: "Stop camera" }, off: { text: "Start camera", name: "Start camera" } },
};

/** Microphone or camera on or off, in the device check and in the call's controls alike. */
export function DeviceToggle({ kind, on, pending, onToggle, disabled, title, size, className }: DeviceToggleProps) {
  const Icon = kind === "audio" ? (on ? Mic : MicOff) : on ? Video : VideoOff;
  const { text, name } = TOGGLE_TEXT[kind][on ? "on" : "off"];
  return (
    <Button
      type="button"
      variant="outline"
      size={size}
      loading={pending}
      disabled={disabled}
      title={title}
      aria-label={name}
      onClick={() => onToggle(!on)}
      data-testid={`toggle-${kind}`}
      data-on={on}
      className={cn("w-full min-w-0 px-3", !on && "border-destructive/30 bg-destructive-soft text-destructive hover:bg-destructive-soft/80", className)}
    >
      {pending ? null : <Icon aria-hidden />}
      <span className="truncate">{text}</span>
    </Button>
  );
}

interface DeviceSelectProps {
  kind: MediaKind;
  devices: DeviceOption[];
  selected: string | null;
  problem: MediaProblem | null;
  media: LocalMedia;
}

function DeviceSelect({ kind, devices, selected, problem, media }: DeviceSelectProps) {
  const id = useId();
  const label = kind === "audio" ? "Microphone" : "Camera";
  // Before permission (or with none plugged in) there is nothing to choose: say what will be used.
  const placeholder = problem?.reason === "missing" ? `No ${NOUN[kind]} found` : `Default ${NOUN[kind]}`;
  const known = devices.some((device) => device.deviceId === selected);
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        data-testid={`select-${kind}`}
        value={known ? (selected ?? "") : ""}
        disabled={devices.length === 0}
        onChange={(event) => void media.selectDevice(kind, event.target.value)}
      >
        {known ? null : <option value="">{placeholder}</option>}
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
