"use client";

import type { Role } from "@/server/domain/room/room-state";

import { useMutation } from "@tanstack/react-query";
import { Eye, UserRound } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Separator } from "@/components/ui/separator";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import { TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";

interface JoinInviteProps {
  token: string;
  /** `used`: a candidate link that has admitted its candidate; only that person (signed in) gets in with it, or with a fresh link. */
  invite: { sessionTitle: string; interviewerName: string | null; role: Role; status: string; used: boolean };
  user: { name: string; isGuest: boolean } | null;
}

const NAME_MAX = 100;

export function JoinInvite({ token, invite, user }: JoinInviteProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invite.accept.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const callbackUrl = encodeURIComponent(`/join/${token}`);
  const over = invite.status === "ENDED" || invite.status === "CANCELLED";

  async function join() {
    setError(null);
    try {
      const { sessionId } = await accept.mutateAsync({ token });
      router.push(`/room/${sessionId}`);
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    }
  }

  return (
    <div data-testid="join-invite">
      <InviteHeading invite={invite} />

      <div className="rounded-xl border bg-card p-6 shadow-sm sm:p-8">
        {error ? (
          <Alert variant="error" className="mb-5">
            {error}
          </Alert>
        ) : null}
        {over ? (
          <p className="text-center text-sm text-muted-foreground">This interview has already ended, so there is nothing to join.</p>
        ) : user ? (
          <div className="grid gap-4">
            <p className="text-center text-sm text-muted-foreground">
              Signed in as <span className="font-medium text-foreground">{user.name}</span>
              {user.isGuest ? " (guest)" : ""}.
            </p>
            <Button size="lg" className="w-full" onClick={() => void join()} loading={accept.isPending}>
              Join interview
            </Button>
          </div>
        ) : invite.used ? (
          <UsedInviteNotice callbackUrl={callbackUrl} />
        ) : (
          <>
            <GuestJoinForm token={token} join={join} onError={setError} />
            <AccountLinks callbackUrl={callbackUrl} />
          </>
        )}
      </div>
    </div>
  );
}

function InviteHeading({ invite }: { invite: JoinInviteProps["invite"] }) {
  const asStaff = invite.role === "OBSERVER" || invite.role === "CO_INTERVIEWER";
  const purpose = invite.role === "CO_INTERVIEWER" ? "to co-interview" : invite.role === "OBSERVER" ? "to observe" : "to";
  return (
    <div className="mb-8 text-center">
      <span aria-hidden className="mx-auto mb-4 flex size-11 items-center justify-center rounded-full border bg-card shadow-xs">
        {asStaff ? <Eye className="size-5 text-muted-foreground" /> : <UserRound className="size-5 text-muted-foreground" />}
      </span>
      <p className="text-sm text-muted-foreground">
        {invite.interviewerName ? `${invite.interviewerName} invited you ${purpose}` : `You are invited ${purpose}`}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{invite.sessionTitle}</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        {invite.role === "CO_INTERVIEWER"
          ? "You will see the interviewer's material, can reveal follow-ups and tick key points, and score on a scorecard of your own."
          : invite.role === "OBSERVER"
            ? "You will follow along, keep private notes and score on a scorecard of your own."
            : "A live mock interview. You will see each question as it is asked, with a scratchpad for your answer."}
      </p>
    </div>
  );
}

function UsedInviteNotice({ callbackUrl }: { callbackUrl: string }) {
  return (
    <div className="grid gap-4 text-center" data-testid="invite-used">
      <p className="text-sm text-muted-foreground">
        Someone has already joined with this candidate link. If that was you and you are changing device, ask the interviewer for a fresh candidate link: it
        lets you in here and takes the other device out. If you joined with an account, sign in to it instead.
      </p>
      <Button asChild variant="outline">
        <Link href={`/sign-in?callbackUrl=${callbackUrl}`}>Sign in</Link>
      </Button>
    </div>
  );
}

/** Joining with a display name only: signs in as a guest tied to this invite, then joins. */
function GuestJoinForm({ token, join, onError }: { token: string; join: () => Promise<boolean>; onError: (error: string | null) => void }) {
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const [signingIn, setSigningIn] = useState(false);

  async function joinAsGuest(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError("Tell the interviewer what to call you");
      return;
    }
    setNameError(undefined);
    onError(null);
    setSigningIn(true);
    const result = await signIn("guest", { name: trimmed, inviteToken: token, redirect: false });
    if (!result || result.error) {
      setSigningIn(false);
      onError(
        result?.error === TOO_MANY_ATTEMPTS
          ? TOO_MANY_ATTEMPTS
          : "We could not let you in with this link: it has just expired or been used. If you joined with it before on another device, ask the interviewer for a fresh candidate link; it lets you in here in place of the other device.",
      );
      return;
    }
    const ok = await join();
    if (!ok) setSigningIn(false);
  }

  return (
    <form onSubmit={joinAsGuest} noValidate className="grid gap-4" aria-label="Join as guest">
      <FormField
        id="guest-name"
        name="name"
        label="Your name"
        autoComplete="name"
        placeholder="Ada Lovelace"
        maxLength={NAME_MAX}
        hint="Shown to the interviewer. No account needed."
        value={name}
        error={nameError}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(undefined);
        }}
      />
      <Button type="submit" size="lg" className="w-full" loading={signingIn}>
        Join as guest
      </Button>
    </form>
  );
}

function AccountLinks({ callbackUrl }: { callbackUrl: string }) {
  return (
    <>
      <div className="my-6 flex items-center gap-3 text-xs text-muted-foreground">
        <Separator className="flex-1" />
        or
        <Separator className="flex-1" />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Button asChild variant="outline">
          <Link href={`/sign-in?callbackUrl=${callbackUrl}`}>Sign in</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href={`/sign-up?callbackUrl=${callbackUrl}`}>Create account</Link>
        </Button>
      </div>
    </>
  );
}
