"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Pause, Play, SkipBack, SkipForward } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { errorMessage } from "@/components/providers/trpc-errors";
import { ReplayFrame } from "@/components/review/replay-frame";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { formatDuration } from "@/server/domain/format-duration";
import { replayFrames, type Perspective, type Replay } from "@/server/domain/review/replay";
import { describeStep, timelineLines } from "@/server/domain/review/timeline";

const PLAY_STEP_MS = 700;

function offsetText(offsetMs: number | null): string {
  if (offsetMs === null) return "lobby";
  // Before the start counts down to it; under a second before is the start itself.
  return offsetMs <= -1000 ? `−${formatDuration(-offsetMs)}` : formatDuration(Math.max(0, offsetMs));
}

/** The frame that shows the room as it was at log position `seq`: after the last step at or before it. */
function frameAt(steps: ReadonlyArray<{ seq: number }>, seq: number): number {
  let frame = 0;
  while (frame < steps.length && steps[frame]!.seq <= seq) frame++;
  return frame;
}

/**
 * The timeline and a scrubber over it. Frames are folded here from the steps the server sent, by the
 * same `foldView` the live room's clients use, so frame N is the room exactly as it was after step N.
 */
export function ReplayPanel({ sessionId, perspectives }: { sessionId: string; perspectives: Perspective[] }) {
  const trpc = useTRPC();
  const [perspective, setPerspective] = useState<Perspective>("own");
  const [showPresence, setShowPresence] = useState(false);
  /**
   * Where the scrubber stands, as the log position (`seq`) of the step shown, 0 before the first, null at
   * the end: the two views' logs hold different steps, so a position in the log is the same moment in both.
   */
  const [positionSeq, setPositionSeq] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const replay = useQuery(trpc.review.replay.queryOptions({ sessionId, perspective }, { staleTime: 60_000 }));
  const frames = useMemo(() => (replay.data ? replayFrames(replay.data) : []), [replay.data]);
  const last = Math.max(0, frames.length - 1);
  const index = positionSeq === null ? last : frameAt(replay.data?.steps ?? [], positionSeq);
  const setPosition = (next: number) => setPositionSeq(next === 0 ? 0 : (replay.data?.steps[next - 1]?.seq ?? null));

  // Playing stops by itself at the last frame.
  const playingNow = playing && index < last;
  useEffect(() => {
    if (!playingNow) return;
    const timer = setTimeout(() => setPositionSeq(replay.data?.steps[index]?.seq ?? null), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playingNow, index, replay.data]);

  if (replay.isPending) return <ReplayLoading />;
  if (replay.isError) return <Alert variant="error">{errorMessage(replay.error)}</Alert>;
  const { steps, startedAt } = replay.data;
  const frame = frames[index]!;
  const at = index === 0 ? (startedAt ?? steps[0]?.at ?? new Date(0).toISOString()) : steps[index - 1]!.at;
  const go = (next: number) => {
    setPlaying(false);
    setPosition(Math.max(0, Math.min(last, next)));
  };

  return (
    <div className="grid gap-4" data-testid="replay">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {perspectives.length > 1 ? (
          <PerspectivePicker
            perspectives={perspectives}
            selected={perspective}
            onSelect={(option) => {
              setPerspective(option);
              setPlaying(false);
            }}
          />
        ) : (
          <span />
        )}
        <ShowConnections checked={showPresence} onChange={setShowPresence} />
      </div>

      <ReplayControls
        index={index}
        last={last}
        playing={playingNow}
        position={index === 0 ? "Before the first event" : `Event ${index} of ${last} · ${offsetText(steps[index - 1]!.offsetMs)}`}
        valueText={index === 0 ? "Before the first event" : describeStep(steps[index - 1]!.event, frames[index - 1]!).text}
        go={go}
        onPlay={() => {
          if (playingNow) return setPlaying(false);
          if (index >= last) setPosition(0);
          setPlaying(true);
        }}
      />

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="rounded-xl border bg-card p-4 shadow-xs">
          <ReplayFrame frame={frame} at={at} />
        </div>
        <Timeline steps={steps} frames={frames} index={index} showPresence={showPresence} go={go} />
      </div>
    </div>
  );
}

function PerspectivePicker({
  perspectives,
  selected,
  onSelect,
}: {
  perspectives: Perspective[];
  selected: Perspective;
  onSelect: (perspective: Perspective) => void;
}) {
  return (
    <div role="radiogroup" aria-label="Whose view" className="inline-flex rounded-md border p-0.5">
      {perspectives.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={selected === option}
          onClick={() => onSelect(option)}
          className={cn("rounded px-3 py-1 text-[13px]", selected === option ? "bg-foreground text-background" : "text-muted-foreground hover:text-foreground")}
        >
          {option === "own" ? "Your view" : "Candidate's view"}
        </button>
      ))}
    </div>
  );
}

/** The buttons and the slider that move through the frames. */
function ReplayControls({
  index,
  last,
  playing,
  position,
  valueText,
  go,
  onPlay,
}: {
  index: number;
  last: number;
  playing: boolean;
  position: string;
  valueText: string;
  go: (index: number) => void;
  onPlay: () => void;
}) {
  return (
    <div className="grid gap-2 rounded-lg border bg-muted/40 p-3">
      <div className="flex items-center gap-1">
        <Button variant="ghost" size="icon" aria-label="To the start" onClick={() => go(0)}>
          <SkipBack aria-hidden />
        </Button>
        <Button variant="ghost" size="icon" aria-label="Previous event" onClick={() => go(index - 1)}>
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant="ghost" size="icon" aria-label={playing ? "Pause" : "Play"} onClick={onPlay}>
          {playing ? <Pause aria-hidden /> : <Play aria-hidden />}
        </Button>
        <Button variant="ghost" size="icon" aria-label="Next event" onClick={() => go(index + 1)}>
          <ChevronRight aria-hidden />
        </Button>
        <Button variant="ghost" size="icon" aria-label="To the end" onClick={() => go(last)}>
          <SkipForward aria-hidden />
        </Button>
        <span className="ml-auto font-mono text-xs text-muted-foreground" aria-live="polite" data-testid="replay-position">
          {position}
        </span>
      </div>
      <input
        type="range"
        min={0}
        max={last}
        value={index}
        onChange={(event) => go(Number(event.target.value))}
        aria-label="Replay position"
        aria-valuetext={valueText}
        className="w-full accent-primary"
      />
    </div>
  );
}

/**
 * Every step with its time from the start; picking one shows the room right after it. A member's run of
 * drawing is one line (`timelineLines`), which shows the drawing as that run left it.
 */
function Timeline({
  steps,
  frames,
  index,
  showPresence,
  go,
}: {
  steps: Replay["steps"];
  frames: ReturnType<typeof replayFrames>;
  index: number;
  showPresence: boolean;
  go: (index: number) => void;
}) {
  const lines = useMemo(() => timelineLines(steps, frames, (entry) => entry.kind !== "presence" || showPresence), [steps, frames, showPresence]);
  return (
    <ol aria-label="Timeline" className="max-h-[32rem] overflow-y-auto rounded-xl border bg-card text-[13px] shadow-xs">
      {lines.map((line) => {
        const selected = index > line.first && index <= line.last + 1;
        return (
          <li key={steps[line.first]!.seq}>
            <button
              type="button"
              onClick={() => go(line.last + 1)}
              aria-current={selected ? "step" : undefined}
              className={cn("flex w-full gap-3 px-3 py-1.5 text-left hover:bg-accent", selected && "bg-primary-soft text-primary-soft-foreground")}
            >
              <span className="w-14 shrink-0 font-mono text-xs text-muted-foreground">{offsetText(steps[line.first]!.offsetMs)}</span>
              <span className="min-w-0">{line.text}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function ShowConnections({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-[13px] text-muted-foreground">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Show connections
    </label>
  );
}

function ReplayLoading() {
  return (
    <p className="flex items-center gap-2 text-sm text-muted-foreground">
      <Spinner /> Loading the event log…
    </p>
  );
}
