import type { Metadata } from "next";
import { AccountNeeded } from "@/components/app-shell/account-needed";
import { PracticePanel } from "@/components/practice/practice-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PeerSessionsList } from "@/components/practice/peer-sessions-list";
import { serverApi } from "@/server/api/server-caller";
import { currentUser } from "@/server/auth/session";
import { canPractise, PRACTICE_NEEDS_ACCOUNT } from "@/server/domain/practice/policy";

export const metadata: Metadata = { title: "Practice" };
export const dynamic = "force-dynamic";

export default async function PracticePage() {
  const user = await currentUser();
  if (!user || !canPractise(user)) return <AccountNeeded title="Practising with peers needs an account" reason={PRACTICE_NEEDS_ACCOUNT} />;
  const api = await serverApi();
  const [topics, profile, status, me, sessions] = await Promise.all([
    api.practice.topics(),
    api.practice.profile(),
    api.practice.status(),
    api.account.me(),
    api.practice.sessions(),
  ]);
  return (
    <div className="mx-auto grid max-w-3xl gap-8 px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader title="Practice with a peer" description="Take turns with another person: one asks while the other answers, then you swap roles." />
      <PracticePanel topics={topics} profile={profile} status={status} accountTimeZone={me.timeZone} />
      {sessions.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Your practice sessions</CardTitle>
            <CardDescription>Each one&apos;s feedback, given and received; both halves are in your history too.</CardDescription>
          </CardHeader>
          <CardContent>
            <PeerSessionsList sessions={sessions} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
