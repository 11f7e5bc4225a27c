"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from "@/components/auth/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import type { AppRouter } from "@/server/api/app-router";
import { updateProfileInput } from "@/server/api/routers/account/update-profile.schema";

const BROWSER = "";
const selectClass =
  "h-10 w-full rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25";

function zones(): string[] {
  // Every zone this browser knows: the server accepts exactly what Intl knows too.
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
}

export function ProfileForm({ initial }: { initial: { name: string | null; timeZone: string | null } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.account.updateProfile.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const options = useMemo(() => {
    const all = zones();
    return initial.timeZone && !all.includes(initial.timeZone) ? [initial.timeZone, ...all] : all;
  }, [initial.timeZone]);
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    setMessage(null);
    const name = String(values.get("name") ?? "").trim();
    const zone = String(values.get("timeZone") ?? BROWSER);
    const parsed = updateProfileInput.safeParse({ name: name === "" ? null : name, timeZone: zone === BROWSER ? null : zone });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    try {
      await save.mutateAsync(parsed.data);
      setMessage({ error: false, text: "Saved." });
      router.refresh();
    } catch (error) {
      setErrors(error instanceof TRPCClientError ? fieldErrorsFromServer((error as TRPCClientError<AppRouter>).data?.fieldErrors) : {});
      setMessage({ error: true, text: error instanceof TRPCClientError ? error.message : "Something went wrong. Please try again." });
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Profile">
      <FormField
        id="settings-name"
        name="name"
        label="Name"
        defaultValue={initial.name ?? ""}
        autoComplete="name"
        hint="Optional. Without one, others see your address."
        error={errors.name}
      />
      <div className="grid gap-2">
        <Label htmlFor="settings-time-zone">Time zone</Label>
        <select
          id="settings-time-zone"
          name="timeZone"
          defaultValue={initial.timeZone ?? BROWSER}
          className={selectClass}
          aria-describedby="settings-time-zone-hint"
        >
          <option value={BROWSER}>Use my browser&apos;s time zone ({browserZone})</option>
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id="settings-time-zone-hint" className="text-[13px] leading-snug text-muted-foreground">
          {errors.timeZone ?? "Interview times, invitations and reminders are shown in this zone."}
        </p>
      </div>
      {message ? (
        <Alert variant={message.error ? "error" : "info"} data-testid="profile-message">
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" className="h-10 w-fit" loading={save.isPending}>
        Save
      </Button>
    </form>
  );
}
