"use client";

import { MicOff, MonitorUp, VideoOff, WifiLow } from "lucide-react";
import { useEffect, useRef } from "react";
import type { RemotePeer } from "@/components/call/call-mesh";
import { useSpeaking } from "@/components/call/use-audio-level";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { ROLE_LABELS, type CallMedia, type Role } from "@/server/domain/room";

/** A video element playing `stream`; `muted` and the hidden picture follow what the member may send. */
export function StreamVideo({ stream, muted, className, label }: { stream: MediaStream | null; muted: boolean; className?: string; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} className={className} />;
}

export interface TileMember {
  userId: string;
  name: string;
  role: Role;
  media: CallMedia;
}

interface TileProps {
  member: TileMember;
  /** The member's camera and microphone: a remote peer's stream, or this tab's own preview. */
  stream: MediaStream | null;
  self?: boolean;
  /** A remote peer's connection, for "connecting" and the quality indicator. */
  peer?: RemotePeer;
}

/**
 * One member in the call: their camera (or initials with the camera off), name and role, microphone off,
 * a ring while they speak, and for others how well the connection carries. Audio plays only while the
 * room says the member's microphone is on: the server decides what they may send, not their browser.
 */
export function CallTile({ member, stream, self = false, peer }: TileProps) {
  const speaking = useSpeaking(member.media.audio ? stream : null);
  const connecting = peer && peer.connectionState !== "connected";
  const poor = peer?.quality?.level === "poor";
  return (
    <li
      className={cn(
        "@container relative aspect-video overflow-hidden rounded-lg border bg-muted ring-offset-2 ring-offset-background transition-shadow",
        speaking && "ring-2 ring-emerald-500",
      )}
      data-testid="call-tile"
      data-user={member.userId}
      data-self={self || undefined}
      data-speaking={speaking || undefined}
      data-audio={member.media.audio}
      data-video={member.media.video}
    >
      <StreamVideo
        stream={stream}
        muted={self || !member.media.audio}
        label={self ? "Your camera" : `${member.name}'s camera`}
        className={cn("size-full object-cover", self && "-scale-x-100", !member.media.video && "invisible")}
      />
      {member.media.video ? null : (
        <div className="absolute inset-0 grid place-items-center">
          <Avatar name={member.name} className="size-12 text-base" />
        </div>
      )}
      <div className="absolute inset-x-0 bottom-0 flex items-end gap-1.5 bg-gradient-to-t from-black/70 to-transparent px-2 pt-4 pb-1.5 text-[12px] text-white">
        {member.media.audio ? null : <MicOff aria-label="Microphone off" className="size-3.5 shrink-0" />}
        {member.media.video ? null : <VideoOff aria-label="Camera off" className="size-3.5 shrink-0" />}
        {member.media.screen ? <MonitorUp aria-label="Sharing their screen" className="size-3.5 shrink-0" /> : null}
        {/* Name and role side by side on a wide tile, one above the other on a narrow one. */}
        <span className="flex min-w-0 flex-col leading-tight @[220px]:flex-row @[220px]:items-baseline @[220px]:gap-1.5">
          <span className="truncate font-medium">{self ? `${member.name} (you)` : member.name}</span>
          <span className="shrink-0 text-[11px] text-white/75 @[220px]:text-[12px]">{ROLE_LABELS[member.role]}</span>
        </span>
        {peer ? <QualityDot peer={peer} /> : null}
      </div>
      {connecting ? (
        <p role="status" className="absolute top-1.5 left-1.5 rounded bg-black/60 px-1.5 py-0.5 text-[11px] text-white">
          Connecting…
        </p>
      ) : poor ? (
        <p role="status" className="absolute top-1.5 left-1.5 flex items-center gap-1 rounded bg-amber-500 px-1.5 py-0.5 text-[11px] font-medium text-black">
          <WifiLow aria-hidden className="size-3" /> Poor connection
        </p>
      ) : null}
    </li>
  );
}

const QUALITY_CLASS = { good: "bg-emerald-400", fair: "bg-amber-400", poor: "bg-red-500" } as const;

function QualityDot({ peer }: { peer: RemotePeer }) {
  const quality = peer.quality;
  if (!quality) return null;
  const details = [
    quality.rttMs === null ? null : `${Math.round(quality.rttMs)} ms round trip`,
    quality.lossPercent === null ? null : `${quality.lossPercent.toFixed(1)}% lost`,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <span
      role="img"
      aria-label={`Connection ${quality.level}${details ? `: ${details}` : ""}`}
      title={details}
      data-testid="call-quality"
      data-level={quality.level}
      className={cn("ml-auto size-2 shrink-0 rounded-full", QUALITY_CLASS[quality.level])}
    />
  );
}

/** The shared screen, large: the reason it is shared is to be read. */
export function ScreenStage({ name, stream, self }: { name: string; stream: MediaStream | null; self: boolean }) {
  return (
    <figure className="overflow-hidden rounded-lg border bg-black" data-testid="call-screen">
      <StreamVideo stream={stream} muted label={self ? "Your shared screen" : `${name}'s screen`} className="aspect-video w-full object-contain" />
      <figcaption className="flex items-center gap-1.5 bg-card px-3 py-1.5 text-[12px] text-muted-foreground">
        <MonitorUp aria-hidden className="size-3.5" />
        {self ? "You are sharing your screen" : `${name} is sharing their screen`}
      </figcaption>
    </figure>
  );
}
