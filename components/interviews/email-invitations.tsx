"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Mail } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { errorMessage, fieldErrorsOf } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import { selectClass } from "@/components/schedule/time-zone-select";
import { INVITABLE_ROLES, type InvitableRole } from "@/server/domain/interview/policy";
import { ROLE_LABELS, type Role } from "@/server/domain/room/room-state";

export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  joined: boolean;
  delivery: "queued" | "sent" | "failed" | null;
}

const DELIVERY: Record<NonNullable<Invitation["delivery"]>, { label: string; variant: "neutral" | "success" | "outline" }> = {
  queued: { label: "Sending", variant: "neutral" },
  sent: { label: "Sent", variant: "success" },
  failed: { label: "Could not be delivered", variant: "outline" },
};

/**
 * Invitations by email: each person gets their own link, the time in their zone and a calendar entry.
 * Without email on this server the card says so, and the links below are the way to invite.
 */
export function EmailInvitations(props: { sessionId: string; invitations: Invitation[]; emailOn: boolean; scheduled: boolean; planned: boolean }) {
  const { sessionId, invitations } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.interview.inviteByEmail.mutationOptions());
  const withdraw = useMutation(trpc.interview.withdrawInvitation.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.interview.plan.queryKey({ sessionId }) });
  const canInvite = props.emailOn && props.scheduled && props.planned;

  return (
    <section aria-labelledby="email-invitations-heading" className="rounded-xl border bg-card shadow-xs">
      <header className="border-b px-5 py-4 sm:px-6">
        <h2 id="email-invitations-heading" className="flex items-center gap-1.5 text-sm font-semibold">
          <Mail aria-hidden className="size-4 text-muted-foreground" />
          Invite by email
        </h2>
        <p className="text-xs text-muted-foreground">
          {!props.emailOn
            ? "Email is not set up on this server (see SMTP_HOST in the README). Copy an invite link below and send it yourself."
            : !props.scheduled
              ? "Set the date and time first: the invitation carries it, with a calendar entry."
              : "Each person gets their own link, the time in their zone, a calendar entry, and the reminders you chose."}
        </p>
      </header>
      {canInvite ? (
        <InviteForm pending={invite.isPending} error={invite.error} onInvite={(input) => invite.mutateAsync({ sessionId, ...input }).then(refresh)} />
      ) : null}
      <FormError message={withdraw.error ? errorMessage(withdraw.error) : null} className="px-5 pt-3 sm:px-6" />
      {invitations.length > 0 ? (
        <ul aria-label="Invitations" className="divide-y border-t">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center gap-3 px-5 py-3 sm:px-6" data-testid="invitation-row">
              <Badge variant={invitation.role === "CANDIDATE" ? "accent" : "neutral"}>{ROLE_LABELS[invitation.role]}</Badge>
              <span className="min-w-0 flex-1 truncate text-sm">
                {invitation.name ? `${invitation.name} · ` : ""}
                <span className="text-muted-foreground">{invitation.email}</span>
              </span>
              {invitation.joined ? (
                <Badge variant="success">Joined</Badge>
              ) : invitation.delivery ? (
                <Badge variant={DELIVERY[invitation.delivery].variant}>{DELIVERY[invitation.delivery].label}</Badge>
              ) : null}
              {canInvite ? (
                <Button
                  size="sm"
                  variant="ghost"
                  loading={invite.isPending && invite.variables?.email === invitation.email}
                  onClick={() =>
                    void invite
                      .mutateAsync({ sessionId, email: invitation.email, name: invitation.name, role: invitation.role as InvitableRole })
                      .then(refresh, () => undefined)
                  }
                  aria-label={`Send the invitation to ${invitation.email} again`}
                >
                  Resend
                </Button>
              ) : null}
              {props.planned ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="hover:text-destructive"
                  loading={withdraw.isPending && withdraw.variables?.invitationId === invitation.id}
                  onClick={() => void withdraw.mutateAsync({ invitationId: invitation.id }).then(refresh, () => undefined)}
                  aria-label={`Withdraw the invitation to ${invitation.email}`}
                >
                  Withdraw
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function InviteForm({
  pending,
  error,
  onInvite,
}: {
  pending: boolean;
  error: unknown;
  onInvite: (input: { email: string; name: string; role: InvitableRole }) => Promise<unknown>;
}) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<InvitableRole>("CANDIDATE");
  const fieldErrors = error ? fieldErrorsOf(error) : {};
  const formError = error && !fieldErrors.email && !fieldErrors.name ? errorMessage(error) : null;
  return (
    <form
      aria-label="Invite by email"
      className="grid gap-3 px-5 py-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end sm:px-6"
      onSubmit={(event) => {
        event.preventDefault();
        void onInvite({ email, name, role }).then(
          () => {
            setEmail("");
            setName("");
          },
          () => undefined,
        );
      }}
    >
      <FormField
        id="invite-email"
        label="Email"
        type="email"
        required
        autoComplete="off"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldErrors.email}
      />
      <FormField
        id="invite-name"
        label="Name (optional)"
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldErrors.name}
      />
      <div className="grid gap-2">
        <Label htmlFor="invite-role">Role</Label>
        <select id="invite-role" className={selectClass} value={role} onChange={(event) => setRole(event.target.value as InvitableRole)}>
          {INVITABLE_ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" loading={pending}>
        Send invitation
      </Button>
      <FormError message={formError} className="sm:col-span-4" />
    </form>
  );
}
