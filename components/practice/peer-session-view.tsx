"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { PeerFeedbackForm } from "@/components/practice/peer-feedback-form";
import { PeerFeedbackCard } from "@/components/practice/peer-feedback-card";
import { ReportPartner } from "@/components/practice/report-partner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PeerSessionOutput } from "@/server/api/routers/practice/session.schema";

/** The feedback each peer gives the other, the two halves to review, and reporting the partner. */
export function PeerSessionView({ session }: { session: PeerSessionOutput }) {
  const router = useRouter();
  const partner = session.partnerName;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Your feedback for {partner}</CardTitle>
          <CardDescription>
            On how {partner} answered the question you asked. They read it once they have written theirs, or a day after the session.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {session.given ? (
            <PeerFeedbackCard feedback={session.given} testId="feedback-given" />
          ) : session.canGiveFeedback ? (
            <PeerFeedbackForm peerSessionId={session.id} criteria={session.criteria} onSubmitted={() => router.refresh()} />
          ) : (
            <p className="text-sm text-muted-foreground">You can give your feedback once the half you asked in has ended.</p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{partner}&apos;s feedback for you</CardTitle>
          <CardDescription>On how you answered the question {partner} asked.</CardDescription>
        </CardHeader>
        <CardContent>
          {session.received ? (
            <PeerFeedbackCard feedback={session.received} testId="feedback-received" />
          ) : (
            <Alert data-testid="feedback-pending">
              {session.receivedPending
                ? `${partner} has written their feedback. You can read it once you have written yours, or a day after the session.`
                : `${partner} has not written their feedback yet.`}
            </Alert>
          )}
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-center gap-2">
        {session.askedRoomId ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={`/sessions/${session.askedRoomId}`}>Review the half you asked</Link>
          </Button>
        ) : null}
        {session.answeredRoomId ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={`/sessions/${session.answeredRoomId}`}>Review the half you answered</Link>
          </Button>
        ) : null}
        <span className="ml-auto">
          <ReportPartner peerSessionId={session.id} partnerName={partner} />
        </span>
      </div>
    </div>
  );
}
