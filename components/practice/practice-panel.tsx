"use client";

import { useState } from "react";
import { PracticeProfileForm, type PracticeProfile } from "@/components/practice/practice-profile-form";
import { PracticeProfileSummary } from "@/components/practice/practice-profile-summary";
import type { PracticeStatus } from "@/components/practice/practice-queue";
import { PractiseNow } from "@/components/practice/practise-now";
import { BookASlot } from "@/components/practice/book-a-slot";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PracticeTopicsOutput } from "@/server/api/routers/practice/topics.schema";

interface PracticePanelProps {
  topics: PracticeTopicsOutput;
  profile: PracticeProfile | null;
  status: PracticeStatus;
  accountTimeZone: string | null;
}

/** The practice page's two cards: "Practise now" once there is a profile, and the profile (a form until saved). */
export function PracticePanel({ topics, profile: initialProfile, status, accountTimeZone }: PracticePanelProps) {
  const [profile, setProfile] = useState(initialProfile);
  const [editing, setEditing] = useState(initialProfile === null);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Practise now</CardTitle>
          <CardDescription>
            We pair you with someone waiting for the same topic, at a level close to yours. Each of you asks for one half and answers for the other.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {profile ? (
            <PractiseNow topics={profile.topics} initial={status} />
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="practice-needs-profile">
              Save your practice profile below first: the topics you want to practise, your level and your languages.
            </p>
          )}
        </CardContent>
      </Card>
      {profile ? (
        <Card>
          <CardHeader>
            <CardTitle>Book a slot</CardTitle>
            <CardDescription>
              Practise later: book an hour for a topic. When someone at a level close to yours books the same hour and topic, you are both matched and told by
              email, with a calendar entry.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <BookASlot topics={profile.topics} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Your practice profile</CardTitle>
          <CardDescription>What you are matched by. Your partner sees your name and level, never your email address.</CardDescription>
        </CardHeader>
        <CardContent>
          {editing || !profile ? (
            <PracticeProfileForm
              topics={topics}
              initial={profile}
              accountTimeZone={accountTimeZone}
              onSaved={(saved) => {
                setProfile(saved);
                setEditing(false);
              }}
              onCancel={profile ? () => setEditing(false) : undefined}
            />
          ) : (
            <PracticeProfileSummary profile={profile} onEdit={() => setEditing(true)} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
