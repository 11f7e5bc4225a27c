"use client";

import { CircleAlert, WifiOff } from "lucide-react";
import Link from "next/link";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { CallPanel } from "@/components/call/call-panel";
import { useCall } from "@/components/call/use-call";
import { CollabPad } from "@/components/pad/collab-pad";
import { CandidateRoom } from "@/components/room/candidate-room";
import { StaffRoom } from "@/components/room/staff-room";
import { Toaster, useToast } from "@/components/room/toaster";
import { useRoom } from "@/components/realtime/use-room";
import { canAddTestCase, canDraw, canEditScratchpad, canRunCode, type ClientCommand, type Role } from "@/server/domain/room";
import type { PadQuestion } from "@/components/pad/pad-question";
import { PadRuns } from "@/components/pad/pad-runs";
import { BoardPanel } from "@/components/board/board-panel";
import { QuestionWorkspace } from "@/components/room/question-workspace";
import { PracticeBar } from "@/components/practice/practice-bar";

interface RoomScreenProps {
  sessionId: string;
  title: string;
  /** The role the server page looked up; the view the socket sends is what is rendered. */
  role: Role;
  /** The signed-in user, whose tab the call is: known before the first view arrives. */
  userId: string;
  /** When the interview is planned to start, for the lobby's countdown; null when not scheduled. */
  startsAt: Date | null;
  /** Set when the interview is a half of a peer practice session: the practice bar sits above the room. */
  peerSessionId: string | null;
  /** A booked peer session's start: until then the bar says when the room opens. */
  practiceStartsAt?: Date | null;
}

export function RoomScreen(props: RoomScreenProps) {
  return (
    <Toaster>
      <Room {...props} />
    </Toaster>
  );
}

function Room({ sessionId, title, role, userId, startsAt, peerSessionId, practiceStartsAt = null }: RoomScreenProps) {
  const room = useRoom(sessionId);
  const toast = useToast();
  const { send } = room;
  const call = useCall({ sessionId, userId, call: room.view?.call ?? null, connected: room.connection === "connected", send });

  const run = useCallback(
    async (command: ClientCommand) => {
      const res = await send(command);
      if (!res.ok) toast(res.message);
      return res.ok;
    },
    [send, toast],
  );

  const pad = usePadSlot(room, sessionId, userId, run);

  if (room.error && !room.view) {
    return (
      <div className="mx-auto max-w-md px-4 py-24 text-center" role="alert">
        <CircleAlert aria-hidden className="mx-auto size-8 text-destructive" />
        <h1 className="mt-4 text-lg font-semibold">We could not open this room</h1>
        <p className="mt-2 text-sm text-muted-foreground">{room.error.message}</p>
        <Button asChild variant="outline" className="mt-6">
          <Link href="/interviews">Back to interviews</Link>
        </Button>
      </div>
    );
  }

  return (
    <>
      {peerSessionId ? (
        <PracticeBar
          half={{ sessionId, peerSessionId, startsAt: practiceStartsAt }}
          roomStatus={room.view?.status ?? null}
          partnerName={room.view?.participants.find((participant) => participant.userId !== userId)?.name ?? null}
          serverNow={room.serverNow}
        />
      ) : null}
      {room.serverRestarting || (room.view && (room.connection === "reconnecting" || room.connection === "offline")) ? (
        <div
          role="status"
          className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-2 text-[13px] font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          <WifiOff aria-hidden className="size-4" />
          {room.connection === "offline"
            ? "Offline. Check your connection; the room will catch up when you are back."
            : "Reconnecting… nothing you did is lost."}
        </div>
      ) : null}
      {!room.view ? (
        <RoomSkeleton title={title} candidate={role === "CANDIDATE"} />
      ) : room.view.role === "CANDIDATE" ? (
        <CandidateRoom
          title={title}
          startsAt={startsAt}
          view={room.view}
          connection={room.connection}
          serverNow={room.serverNow}
          send={send}
          call={<CallPanel view={room.view} call={call} run={run} />}
          pad={pad}
        />
      ) : (
        <StaffRoom
          title={title}
          startsAt={startsAt}
          peer={Boolean(peerSessionId)}
          view={room.view}
          connection={room.connection}
          serverNow={room.serverNow}
          run={run}
          call={<CallPanel view={room.view} call={call} run={run} />}
          pad={pad}
        />
      )}
    </>
  );
}

/**
 * The pad and the whiteboard of one question, alike for every role; keyed by question, so each has its
 * own editor and board.
 */
function usePadSlot(room: ReturnType<typeof useRoom>, sessionId: string, userId: string, run: (command: ClientCommand) => Promise<boolean>) {
  const { view, connection, send } = room;
  return function padFor(question: PadQuestion) {
    if (!view) return null;
    const live = view.status === "live";
    const names = Object.fromEntries(view.participants.map((participant) => [participant.userId, participant.name]));
    const pad = (
      <CollabPad
        key={question.id}
        sessionId={sessionId}
        questionId={question.id}
        saved={question.scratchpad}
        code={question.code}
        viewerId={userId}
        participants={view.participants}
        readOnly={!canEditScratchpad(view.viewer.role) || !live}
        connection={connection}
        send={send}
        footer={({ language, text, runHandle }) => (
          <PadRuns
            questionId={question.id}
            code={question.code}
            language={language}
            runs={question.runs}
            names={names}
            canRun={canRunCode(view.viewer.role) && live}
            canAddTests={canAddTestCase(view.viewer.role) && live}
            getCode={text}
            run={run}
            handle={runHandle}
          />
        )}
      />
    );
    const board = (
      <BoardPanel
        key={question.id}
        sessionId={sessionId}
        questionId={question.id}
        board={question.board}
        participants={view.participants}
        readOnly={!canDraw(view.viewer.role) || !live}
        connection={connection}
      />
    );
    return <QuestionWorkspace key={question.id} questionId={question.id} pad={pad} board={board} />;
  };
}

function RoomSkeleton({ title, candidate }: { title: string; candidate: boolean }) {
  return (
    <div aria-busy="true" aria-label="Opening the room">
      <div className="border-b">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-4 sm:px-6">
          <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
          <Skeleton className="h-5 w-14 rounded-full" />
          <Skeleton className="ml-auto h-6 w-40" />
        </div>
      </div>
      <div
        className={
          candidate ? "mx-auto grid max-w-3xl gap-4 px-4 pt-8 sm:px-6" : "mx-auto grid max-w-6xl gap-5 px-4 pt-6 sm:px-6 lg:grid-cols-[minmax(0,1fr)_400px]"
        }
      >
        <div className="grid gap-4">
          <Skeleton className="h-40 rounded-xl" />
          <Skeleton className="h-56 rounded-xl" />
        </div>
        {candidate ? null : <Skeleton className="h-96 rounded-xl" />}
      </div>
    </div>
  );
}
