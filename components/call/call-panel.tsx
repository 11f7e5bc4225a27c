"use client";

import { MonitorUp, MonitorX, PhoneOff, Video } from "lucide-react";
import { useState } from "react";
import { CallTile, ScreenStage, type TileMember } from "@/components/call/call-tiles";
import { DeviceCheck, DeviceToggle } from "@/components/call/device-check";
import type { LocalMedia } from "@/components/call/local-media";
import { problemsToShow } from "@/components/call/media-problems";
import { useLocalMedia } from "@/components/call/use-local-media";
import type { UseCall } from "@/components/call/use-call";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { canSetCallPolicy, canSpeakInCall, type ClientCommand, type RoomView } from "@/server/domain/room";

interface CallPanelProps {
  view: RoomView;
  call: UseCall;
  /** Sends a room command, telling the member when it is refused. */
  run: (command: ClientCommand) => Promise<boolean>;
}

/** Members of the call with their names and roles, in the room's order (interviewer first). */
function callMembers(view: RoomView): TileMember[] {
  return view.participants.flatMap((participant) => {
    const member = view.call.members[participant.userId];
    return member ? [{ userId: participant.userId, name: participant.name, role: participant.role, media: member.media }] : [];
  });
}

/**
 * The room's call: outside it, who is in it and a way in through the device check; inside it, the shared
 * screen large when someone shares, a tile per member, and the controls. Leaving the call keeps the room.
 */
export function CallPanel({ view, call, run }: CallPanelProps) {
  const members = callMembers(view);
  const maySpeak = canSpeakInCall(view.viewer.role, view.call);
  return (
    <section aria-label="Call" className="grid gap-3 rounded-xl border bg-card p-3 shadow-xs sm:p-4" data-testid="call" data-phase={call.phase}>
      {call.phase === "in" && call.media ? (
        <InCall view={view} call={call} media={call.media} members={members} maySpeak={maySpeak} />
      ) : (
        <OutOfCall call={call} members={members} maySpeak={maySpeak} />
      )}
      {canSetCallPolicy(view.viewer.role) ? <ObserversMaySpeak allowed={view.call.observersMaySpeak} run={run} /> : null}
    </section>
  );
}

function OutOfCall({ call, members, maySpeak }: { call: UseCall; members: TileMember[]; maySpeak: boolean }) {
  const [checking, setChecking] = useState(false);
  const joining = call.phase === "joining";
  const inCall = members.length === 0 ? "Nobody is in the call yet." : `In the call: ${members.map((member) => member.name).join(", ")}.`;
  if (call.media && checking && !joining) {
    return (
      <DeviceCheck
        media={call.media}
        maySpeak={maySpeak}
        error={call.notice}
        onJoin={(choice) => {
          call.join(choice);
          setChecking(false);
        }}
      />
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="min-w-0 flex-1">
        <h2 className="text-sm font-semibold">Call</h2>
        <p className="text-[13px] text-muted-foreground">{inCall}</p>
      </div>
      {joining ? (
        <p role="status" className="flex items-center gap-2 text-[13px] text-muted-foreground">
          <Spinner className="size-4" /> Joining the call…
        </p>
      ) : (
        <Button onClick={() => setChecking(true)} disabled={!call.media} data-testid="open-call">
          <Video aria-hidden /> Join call
        </Button>
      )}
      {call.notice ? (
        <Alert variant="error" className="basis-full text-[13px]">
          {call.notice}
        </Alert>
      ) : null}
    </div>
  );
}

interface InCallProps {
  view: RoomView;
  call: UseCall;
  media: LocalMedia;
  members: TileMember[];
  maySpeak: boolean;
}

function InCall({ view, call, media, members, maySpeak }: InCallProps) {
  const local = useLocalMedia(media);
  const peerOf = (userId: string) => call.peers.find((peer) => peer.address.userId === userId);
  const sharer = members.find((member) => member.media.screen);
  const selfId = view.viewer.userId;
  const sharedScreen = sharer ? (sharer.userId === selfId ? local.screen : (peerOf(sharer.userId)?.screen ?? null)) : null;
  return (
    <>
      {sharer ? <ScreenStage name={sharer.name} stream={sharedScreen} self={sharer.userId === selfId} /> : null}
      {/* Two across on a phone; on wider screens as many as fit, smaller while a screen is shown large. */}
      <ul
        aria-label="People in the call"
        className={cn(
          "grid grid-cols-2 gap-2",
          sharer ? "sm:grid-cols-[repeat(auto-fill,minmax(128px,1fr))]" : "sm:grid-cols-[repeat(auto-fill,minmax(176px,1fr))]",
        )}
      >
        {members.map((member) =>
          member.userId === selfId ? (
            <CallTile key={member.userId} member={member} stream={local.stream} self />
          ) : (
            <CallTile key={member.userId} member={member} stream={peerOf(member.userId)?.camera ?? null} peer={peerOf(member.userId)} />
          ),
        )}
      </ul>
      <CallControls call={call} media={media} maySpeak={maySpeak} />
    </>
  );
}

function CallControls({ call, media, maySpeak }: { call: UseCall; media: LocalMedia; maySpeak: boolean }) {
  const local = useLocalMedia(media);
  const problems = [...problemsToShow(local.problems.audio, local.problems.video), ...(local.problems.screen ? [local.problems.screen] : [])];
  const why = maySpeak ? undefined : "The interviewer has not let observers speak in this call.";
  const toggle = { disabled: !maySpeak, title: why, size: "sm" as const, className: "w-auto" };
  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Call controls">
      <DeviceToggle kind="audio" on={local.audio} pending={local.pending.audio} onToggle={(on) => void media.setAudio(on)} {...toggle} />
      <DeviceToggle kind="video" on={local.video} pending={local.pending.video} onToggle={(on) => void media.setVideo(on)} {...toggle} />
      <Button
        variant="outline"
        size="sm"
        disabled={!maySpeak}
        title={why}
        // Straight from the click: the browser shows its picker only during a user gesture.
        onClick={() => (local.screen ? media.stopScreenShare() : void media.startScreenShare())}
      >
        {local.screen ? <MonitorX aria-hidden /> : <MonitorUp aria-hidden />}
        {local.screen ? "Stop sharing" : "Share screen"}
      </Button>
      <Button variant="destructive" size="sm" className="ml-auto" onClick={call.leave}>
        <PhoneOff aria-hidden /> Leave call
      </Button>
      {call.notice ? <p className="basis-full text-[13px] text-destructive">{call.notice}</p> : null}
      {problems.length > 0 ? <p className="basis-full text-[13px] text-muted-foreground">{problems.map((problem) => problem.message).join(" ")}</p> : null}
    </div>
  );
}

function ObserversMaySpeak({ allowed, run }: { allowed: boolean; run: CallPanelProps["run"] }) {
  return (
    <label className="flex items-center gap-2 text-[13px] text-muted-foreground">
      <input
        type="checkbox"
        className="size-4 accent-primary"
        checked={allowed}
        onChange={(event) => void run({ type: "setCallPolicy", observersMaySpeak: event.target.checked })}
      />
      Observers may speak in the call
    </label>
  );
}
