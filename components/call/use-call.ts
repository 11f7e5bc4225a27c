"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import { CallController, type CallMemory, type CallSnapshot, type JoinChoice } from "@/components/call/call-controller";
import { browserMeshEnvironment, CallMesh } from "@/components/call/call-mesh";
import { browserMediaEnvironment, LocalMedia } from "@/components/call/local-media";
import { socketSignalTransport } from "@/components/call/socket-signal-transport";
import { useTRPCClient } from "@/components/providers/trpc";
import { getSocket } from "@/components/realtime/socket-client";
import type { Call, ClientCommand } from "@/server/domain/room";
import type { Result, RoomCommandResult } from "@/server/realtime/protocol";

export interface UseCallInput {
  sessionId: string;
  userId: string;
  /** The room's call as this tab's view has it (null before the first view). */
  call: Call | null;
  /** The room is joined now: commands go through. */
  connected: boolean;
  send: (command: ClientCommand) => Promise<Result<RoomCommandResult>>;
}

export type UseCall = CallSnapshot & { join: (choice: JoinChoice) => void; leave: () => void };

/** The choice a tab joined with, for its reloads: sessionStorage is the tab's own and ends with it. */
function tabMemory(sessionId: string): CallMemory {
  const key = `mockroom.call.${sessionId}`;
  return {
    recall() {
      try {
        const saved = JSON.parse(sessionStorage.getItem(key) ?? "null") as JoinChoice | null;
        return saved && typeof saved.audio === "boolean" && typeof saved.video === "boolean" ? { audio: saved.audio, video: saved.video } : null;
      } catch {
        return null;
      }
    },
    remember(choice) {
      if (choice) sessionStorage.setItem(key, JSON.stringify(choice));
      else sessionStorage.removeItem(key);
    },
  };
}

/**
 * `?ice=relay` on the room's address sends the call through the TURN relay only: a check that the relay
 * works, which the tests and the benchmark use too.
 */
function iceTransportPolicy(): RTCIceTransportPolicy | undefined {
  return new URLSearchParams(window.location.search).get("ice") === "relay" ? "relay" : undefined;
}

/** This tab's call in the room, started after mount and stopped on unmount. */
export function useCall({ sessionId, userId, call, connected, send }: UseCallInput): UseCall {
  const client = useTRPCClient();
  // Building it touches nothing (safe in the server render); `start` takes up the devices, in the browser.
  const controller = useMemo(() => {
    const self = { userId, connectionId: crypto.randomUUID() };
    return new CallController({
      self,
      send,
      memory: tabMemory(sessionId),
      createMedia: () => new LocalMedia(browserMediaEnvironment()),
      createMesh: () =>
        new CallMesh({
          ...browserMeshEnvironment(),
          self,
          transport: socketSignalTransport(getSocket(), sessionId, self),
          getIceConfig: () => client.rtc.iceServers.query({ sessionId }),
          iceTransportPolicy: iceTransportPolicy(),
          onError: (error, context) => console.warn(`call: ${context}:`, error),
        }),
    });
  }, [sessionId, userId, send, client]);
  useEffect(() => controller.start(), [controller]);

  useEffect(() => controller.setRoom(call, connected), [controller, call, connected]);

  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  return { ...snapshot, join: controller.join, leave: controller.leave };
}
