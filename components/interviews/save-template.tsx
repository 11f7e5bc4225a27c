"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LayoutTemplate } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";

export function SaveTemplate({ sessionId, defaultTitle }: { sessionId: string; defaultTitle: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(defaultTitle);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const save = useMutation(trpc.interview.saveTemplate.mutationOptions());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ sessionId, title: title.trim() });
      await queryClient.invalidateQueries({ queryKey: trpc.interview.templates.queryKey() });
      setMessage({ error: false, text: `Saved as template “${title.trim()}”.` });
      setOpen(false);
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    }
  }

  if (!open) {
    return (
      <span className="inline-flex items-center gap-3">
        {message ? (
          <span role="status" className={message.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
            {message.text}
          </span>
        ) : null}
        <Button variant="outline" onClick={() => setOpen(true)}>
          <LayoutTemplate aria-hidden />
          Save as template
        </Button>
      </span>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2" aria-label="Save as template">
      <Input aria-label="Template name" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} className="w-56" autoFocus />
      <Button type="submit" loading={save.isPending} disabled={!title.trim()}>
        Save
      </Button>
      <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {message?.error ? (
        <span role="alert" className="text-sm text-destructive">
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
