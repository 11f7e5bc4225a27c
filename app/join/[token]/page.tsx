import type { Metadata } from "next";
import Link from "next/link";
import { CenteredPage } from "@/components/app-shell/centered-page";
import { JoinInvite } from "@/components/interviews/join-invite";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Join an interview", robots: { index: false } };
export const dynamic = "force-dynamic";

const invalidCopy = {
  expired: { title: "This invite link has expired", body: "Ask the interviewer for a new link; they can create one in a few seconds." },
  revoked: { title: "This invite link was withdrawn", body: "The interviewer revoked it. Ask them for a new link if you still need to join." },
  unknown: { title: "This invite link does not work", body: "Check that you copied the whole link, or ask the interviewer to send it again." },
} as const;

/** Outside the signed-in area on purpose: a candidate arrives here with nothing but the link. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [user, api] = await Promise.all([currentUser(), serverApi()]);
  const invite = token.length > 200 ? ({ valid: false, reason: "unknown" } as const) : await api.invite.describe({ token });

  return (
    <CenteredPage>
      <div className="w-full max-w-[420px]">
        {invite.valid ? (
          <JoinInvite
            token={token}
            invite={{ sessionTitle: invite.sessionTitle, interviewerName: invite.interviewerName, role: invite.role, status: invite.status, used: invite.used }}
            user={user ? { name: user.name ?? user.email ?? "you", isGuest: user.isGuest } : null}
          />
        ) : (
          <div className="rounded-xl border bg-card p-8 text-center shadow-sm" role="alert" data-testid="invite-invalid" data-reason={invite.reason}>
            <h1 className="text-xl font-semibold tracking-tight">{invalidCopy[invite.reason].title}</h1>
            <p className="mt-2 text-sm text-muted-foreground">{invalidCopy[invite.reason].body}</p>
            <Link href="/" className="mt-6 inline-block text-sm font-medium text-primary-soft-foreground underline-offset-4 hover:underline">
              Go to Mockroom
            </Link>
          </div>
        )}
      </div>
    </CenteredPage>
  );
}
