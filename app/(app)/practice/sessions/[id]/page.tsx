import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountNeeded } from "@/components/app-shell/account-needed";
import { PeerSessionView } from "@/components/practice/peer-session-view";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";
import { canPractise, PRACTICE_NEEDS_ACCOUNT } from "@/server/domain/practice/policy";

export const metadata: Metadata = { title: "Practice session" };
export const dynamic = "force-dynamic";

/** A peer session afterwards: its two halves and the feedback each gives the other. Only its two people see it. */
export default async function PeerSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user || !canPractise(user)) return <AccountNeeded title="Practising with peers needs an account" reason={PRACTICE_NEEDS_ACCOUNT} />;
  const session = await (await serverApi()).practice.session({ peerSessionId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <div className="mx-auto grid max-w-3xl gap-8 px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader title={`Practice with ${session.partnerName}`} description={session.topic} />
      <PeerSessionView session={session} />
    </div>
  );
}
