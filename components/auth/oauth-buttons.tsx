"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { GitHubIcon, GoogleIcon } from "@/components/auth/provider-icons";
import { Button } from "@/components/ui/button";

export interface EnabledProviders {
  github: boolean;
  google: boolean;
}

/** Offered only for the providers this deployment has configured; renders nothing otherwise. */
export function OAuthButtons({ providers, callbackUrl }: { providers: EnabledProviders; callbackUrl: string }) {
  const [pending, setPending] = useState<"github" | "google" | null>(null);
  if (!providers.github && !providers.google) return null;

  function start(provider: "github" | "google") {
    setPending(provider);
    void signIn(provider, { callbackUrl });
  }

  return (
    <>
      <div className="grid gap-2.5">
        {providers.github ? (
          <Button
            type="button"
            variant="outline"
            className="h-10 w-full"
            loading={pending === "github"}
            disabled={pending !== null}
            onClick={() => start("github")}
          >
            {pending === "github" ? null : <GitHubIcon />}
            Continue with GitHub
          </Button>
        ) : null}
        {providers.google ? (
          <Button
            type="button"
            variant="outline"
            className="h-10 w-full"
            loading={pending === "google"}
            disabled={pending !== null}
            onClick={() => start("google")}
          >
            {pending === "google" ? null : <GoogleIcon />}
            Continue with Google
          </Button>
        ) : null}
      </div>
      <div className="my-6 flex items-center gap-3 text-xs text-muted-foreground" role="presentation">
        <span className="h-px flex-1 bg-border" />
        or with email
        <span className="h-px flex-1 bg-border" />
      </div>
    </>
  );
}
