"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Eye, Link2, UserRound, UsersRound } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/interviews/copy-button";
import { errorMessage } from "@/components/providers/trpc-errors";
import { FormError } from "@/components/ui/form-error";
import { useTRPC } from "@/components/providers/trpc";
import type { InvitableRole } from "@/server/domain/interview/policy";
import { ROLE_LABELS, type Role } from "@/server/domain/room/room-state";

interface Invite {
  id: string;
  role: Role;
  expiresAt: Date;
  revokedAt: Date | null;
  usedAt: Date | null;
  createdAt: Date;
  emailedTo: string | null;
}

interface FreshLink {
  id: string;
  role: InvitableRole;
  url: string;
}

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function expiresIn(date: Date, now: number): string {
  const hours = (date.getTime() - now) / 3_600_000;
  return hours >= 48 ? relative.format(Math.round(hours / 24), "day") : relative.format(Math.max(1, Math.round(hours)), "hour");
}

/** Links are shown once, when created (only their hash is stored); afterwards they can only be revoked. */
export function InviteLinks({ sessionId, invites, closed }: { sessionId: string; invites: Invite[]; closed: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<FreshLink[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const createInvite = useMutation(trpc.interview.createInvite.mutationOptions());
  const revoke = useMutation(trpc.interview.revokeInvite.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.interview.plan.queryKey({ sessionId }) });

  async function create(role: InvitableRole) {
    setError(null);
    try {
      const invite = await createInvite.mutateAsync({ sessionId, role });
      setFresh((current) => [{ id: invite.id, role, url: invite.url }, ...current]);
      await refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function revokeInvite(inviteId: string) {
    setError(null);
    try {
      await revoke.mutateAsync({ inviteId });
      setFresh((current) => current.filter((link) => link.id !== inviteId));
      await refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  const pendingRole = createInvite.isPending ? createInvite.variables?.role : undefined;

  return (
    <section aria-labelledby="invites-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-4 sm:px-6">
        <div>
          <h2 id="invites-heading" className="flex items-center gap-1.5 text-sm font-semibold">
            <Link2 aria-hidden className="size-4 text-muted-foreground" />
            Invite links
          </h2>
          <p className="text-xs text-muted-foreground">
            The candidate can join with a display name; no account needed. A candidate link made after they joined lets them back in on another device, in place
            of the old one. Links expire and can be revoked.
          </p>
        </div>
        {closed ? null : <CreateInviteButtons pendingRole={pendingRole} busy={createInvite.isPending} onCreate={(role) => void create(role)} />}
      </header>
      <FormError message={error} className="px-5 pt-3 sm:px-6" />
      {fresh.length > 0 ? <FreshLinks links={fresh} /> : null}
      {invites.length === 0 ? (
        <p className="px-5 py-5 text-sm text-muted-foreground sm:px-6">No links yet. Create one for the candidate, and one per observer if you like.</p>
      ) : (
        <ul aria-label="Invites" className="mt-2 divide-y">
          {invites.map((invite) => (
            <InviteRow
              key={invite.id}
              invite={invite}
              now={now}
              revoking={revoke.isPending && revoke.variables?.inviteId === invite.id}
              onRevoke={() => void revokeInvite(invite.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function CreateInviteButtons({
  pendingRole,
  busy,
  onCreate,
}: {
  pendingRole: InvitableRole | undefined;
  busy: boolean;
  onCreate: (role: InvitableRole) => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" onClick={() => onCreate("CANDIDATE")} loading={pendingRole === "CANDIDATE"} disabled={busy}>
        <UserRound aria-hidden />
        Create candidate link
      </Button>
      <Button size="sm" variant="outline" onClick={() => onCreate("CO_INTERVIEWER")} loading={pendingRole === "CO_INTERVIEWER"} disabled={busy}>
        <UsersRound aria-hidden />
        Create co-interviewer link
      </Button>
      <Button size="sm" variant="outline" onClick={() => onCreate("OBSERVER")} loading={pendingRole === "OBSERVER"} disabled={busy}>
        <Eye aria-hidden />
        Create observer link
      </Button>
    </div>
  );
}

/** Links made in this visit: the only time their address is shown. */
function FreshLinks({ links }: { links: FreshLink[] }) {
  return (
    <ul className="grid gap-3 px-5 pt-4 sm:px-6">
      {links.map((link) => (
        <li key={link.id} className="rounded-lg border border-primary/25 bg-primary-soft/40 p-3" data-testid="fresh-invite">
          <p className="mb-2 text-xs font-medium text-primary-soft-foreground">
            New {ROLE_LABELS[link.role].toLowerCase()} link. Copy it now: it is shown only once.
          </p>
          <div className="flex items-center gap-2">
            <input
              readOnly
              value={link.url}
              aria-label={`${ROLE_LABELS[link.role]} invite link`}
              onFocus={(event) => event.currentTarget.select()}
              className="h-8 min-w-0 flex-1 rounded-md border border-input bg-card px-2.5 font-mono text-xs outline-none focus-visible:border-ring"
            />
            <CopyButton value={link.url} label={`Copy ${ROLE_LABELS[link.role].toLowerCase()} link`} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function InviteRow({ invite, now, revoking, onRevoke }: { invite: Invite; now: number; revoking: boolean; onRevoke: () => void }) {
  const expired = invite.expiresAt.getTime() <= now;
  const state = invite.revokedAt
    ? "Revoked"
    : invite.usedAt
      ? `Used ${dateTime.format(invite.usedAt)}`
      : expired
        ? "Expired"
        : `Expires ${expiresIn(invite.expiresAt, now)}`;
  const active = !invite.revokedAt && !invite.usedAt && !expired;
  return (
    <li className="flex flex-wrap items-center gap-3 px-5 py-3 sm:px-6" data-testid="invite-row">
      <Badge variant={invite.role === "CANDIDATE" ? "accent" : "neutral"}>{ROLE_LABELS[invite.role]}</Badge>
      <span className="min-w-0 flex-1 text-[13px] text-muted-foreground">
        {invite.emailedTo ? `Emailed to ${invite.emailedTo}` : `Created ${dateTime.format(invite.createdAt)}`} ·{" "}
        <span className={active ? "text-foreground" : undefined} title={dateTime.format(invite.expiresAt)}>
          {state}
        </span>
      </span>
      {active ? (
        <Button
          size="sm"
          variant="ghost"
          className="hover:text-destructive"
          loading={revoking}
          onClick={onRevoke}
          aria-label={`Revoke ${ROLE_LABELS[invite.role].toLowerCase()} link created ${dateTime.format(invite.createdAt)}`}
          title={invite.role === "CANDIDATE" ? undefined : `${ROLE_LABELS[invite.role]}s who joined with this link leave the interview too`}
        >
          Revoke
        </Button>
      ) : null}
    </li>
  );
}
