"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import { canBeRemoved, ROLE_LABELS, type Role } from "@/server/domain/room";
import { FormError } from "@/components/ui/form-error";

interface Participant {
  userId: string;
  name: string | null;
  isGuest: boolean;
  role: Role;
  joinedAt: Date;
}

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** Who is in the interview; the owner can remove a candidate or an observer (they leave the room at once). */
export function ParticipantsList({ sessionId, participants }: { sessionId: string; participants: Participant[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Participant | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.interview.removeParticipant.mutationOptions());

  async function removeConfirmed(participant: Participant) {
    setError(null);
    try {
      await remove.mutateAsync({ sessionId, userId: participant.userId });
      await queryClient.invalidateQueries({ queryKey: trpc.interview.plan.queryKey({ sessionId }) });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setConfirming(null);
    }
  }

  return (
    <section aria-labelledby="participants-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="border-b px-5 py-4 sm:px-6">
        <h2 id="participants-heading" className="flex items-center gap-1.5 text-sm font-semibold">
          <Users aria-hidden className="size-4 text-muted-foreground" />
          Participants
        </h2>
        <p className="text-xs text-muted-foreground">Everyone in the interview. Removing someone takes them out of the room at once.</p>
      </header>
      <FormError message={error} className="px-5 pt-3 sm:px-6" />
      <ul aria-label="Participants" className="divide-y">
        {participants.map((participant) => {
          const name = participant.name ?? "Unnamed";
          return (
            <li key={participant.userId} className="flex flex-wrap items-center gap-3 px-5 py-3 sm:px-6" data-testid="participant-row">
              <Badge variant={participant.role === "CANDIDATE" ? "accent" : "neutral"}>{ROLE_LABELS[participant.role]}</Badge>
              <span className="min-w-0 flex-1 truncate text-[13px]">
                <span className="font-medium">{name}</span>
                <span className="text-muted-foreground">
                  {participant.isGuest ? " (guest)" : ""} · joined {dateTime.format(participant.joinedAt)}
                </span>
              </span>
              {canBeRemoved(participant.role) ? (
                <Button size="sm" variant="ghost" className="hover:text-destructive" onClick={() => setConfirming(participant)} aria-label={`Remove ${name}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        title={`Remove ${confirming?.name ?? "this participant"}?`}
        description="They leave the room at once. A candidate cannot come back with their used link; to keep an observer out, also revoke the link they joined with. What they wrote so far stays in the interview."
        confirmLabel="Remove"
        pending={remove.isPending}
        onConfirm={() => confirming && void removeConfirmed(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}
