"use client";

import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import superjson from "superjson";
import { POLL_MS, PracticeQueue, type PracticeApi, type PracticeSnapshot, type PracticeStatus } from "@/components/practice/practice-queue";
import { useTRPCClient } from "@/components/providers/trpc";
import { errorMessage } from "@/components/providers/trpc-errors";
import type { AppRouter } from "@/server/api/app-router";

let exitClient: TRPCClient<AppRouter> | null = null;
/** The queue's clock only spaces its heartbeats: the browser's own is right for that. */
const clientNow = (): number => Date.now();

/**
 * A client whose requests outlive the page (`keepalive`, what `sendBeacon` does underneath): the batching
 * client's fetch is cancelled as the page unloads. tRPC writes the request, so its format is never copied here.
 */
function leaveOnExit(): void {
  exitClient ??= createTRPCClient<AppRouter>({
    links: [httpLink({ url: "/api/trpc", transformer: superjson, fetch: (url, init) => fetch(url, { ...init, keepalive: true }) })],
  });
  void exitClient.practice.leave.mutate().catch(() => undefined);
}

function practiceApi(client: TRPCClient<AppRouter>): PracticeApi {
  return {
    status: () => client.practice.status.query(),
    join: (topic) => client.practice.join.mutate({ topic }),
    leave: () => client.practice.leave.mutate(),
    stillHere: () => client.practice.stillHere.mutate(),
    accept: (proposalId) => client.practice.accept.mutate({ proposalId }),
    decline: (proposalId) => client.practice.decline.mutate({ proposalId }),
    leaveOnExit,
  };
}

export type UsePracticeQueue = PracticeSnapshot & Pick<PracticeQueue, "join" | "leave" | "accept" | "decline">;

/** The page's `PracticeQueue` (see there), ticking while mounted; goes to the room when the session starts. */
export function usePracticeQueue(initial: PracticeStatus): UsePracticeQueue {
  const client = useTRPCClient();
  const router = useRouter();
  // The server's first answer seeds the queue once; later answers come from its own polls.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const queue = useMemo(() => new PracticeQueue({ api: practiceApi(client), now: clientNow, describe: errorMessage }, initial), [client]);
  useEffect(() => {
    const timer = window.setInterval(() => void queue.tick(), POLL_MS);
    const onHide = () => void queue.pageHidden();
    // Back from the back/forward cache: the leave sent on the way out has changed where they stand.
    const onShow = (event: PageTransitionEvent) => void (event.persisted && queue.refresh());
    window.addEventListener("pagehide", onHide);
    window.addEventListener("pageshow", onShow);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pagehide", onHide);
      window.removeEventListener("pageshow", onShow);
    };
  }, [queue]);
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  useEffect(() => {
    if (snapshot.enterRoom) router.push(`/room/${snapshot.enterRoom}`);
  }, [snapshot.enterRoom, router]);
  return { ...snapshot, join: queue.join, leave: queue.leave, accept: queue.accept, decline: queue.decline };
}
