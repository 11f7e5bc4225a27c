import type { Metadata } from "next";
import { ChangeEmailForm } from "@/components/settings/change-email-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const me = await (await serverApi()).account.me();
  return (
    <div className="mx-auto grid max-w-2xl gap-8 px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader title="Settings" description="How you appear to others, and how Mockroom shows you times." />
      {me.isGuest ? (
        <Alert>You joined as a guest. Create an account to keep settings, a name and an address.</Alert>
      ) : (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Profile</CardTitle>
              <CardDescription>Your name as others see it, and the time zone interview times are shown in.</CardDescription>
            </CardHeader>
            <CardContent>
              <ProfileForm initial={{ name: me.name, timeZone: me.timeZone }} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Email address</CardTitle>
              <CardDescription>
                You sign in with <span className="font-medium text-foreground">{me.email}</span>
                {me.emailVerified ? " (confirmed)." : " (not confirmed yet)."}
              </CardDescription>
            </CardHeader>
            <CardContent>
              {me.emailOn ? (
                <ChangeEmailForm />
              ) : (
                <Alert data-testid="email-off">
                  This server does not send email, so a new address cannot be confirmed. Ask whoever runs this Mockroom to change it.
                </Alert>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
