"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { LayoutTemplate } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/providers/trpc-errors";
import { useTRPC } from "@/components/providers/trpc";
import { FormError } from "@/components/ui/form-error";

/** Saved question sets: one click creates the interview from one, then the plan page takes over. */
export function TemplatePicker({ title, candidateName, candidateEmail }: { title: string; candidateName: string; candidateEmail: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const templates = useQuery(trpc.interview.templates.queryOptions());
  const create = useMutation(trpc.interview.create.mutationOptions());
  const [usingId, setUsingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!templates.data || templates.data.length === 0) return null;

  async function use(template: { id: string; title: string }) {
    setUsingId(template.id);
    setError(null);
    try {
      const { id } = await create.mutateAsync({
        title: title.trim() || template.title,
        candidateName: candidateName.trim() || null,
        candidateEmail: candidateEmail.trim() || null,
        items: [],
        templateId: template.id,
      });
      router.push(`/interviews/${id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setUsingId(null);
    }
  }

  return (
    <section aria-labelledby="templates-heading" className="shrink-0 rounded-xl border bg-card shadow-xs">
      <header className="border-b px-4 py-3">
        <h2 id="templates-heading" className="flex items-center gap-1.5 text-sm font-semibold">
          <LayoutTemplate aria-hidden className="size-4 text-muted-foreground" />
          Start from a template
        </h2>
        <p className="text-xs text-muted-foreground">Creates the interview with the template&apos;s questions; you can still edit it.</p>
      </header>
      <FormError message={error} className="px-4 pt-3" />
      <ul className="max-h-48 divide-y overflow-y-auto">
        {templates.data.map((template) => (
          <li key={template.id} className="flex items-center gap-3 px-4 py-2.5">
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium">{template.title}</span>
              <span className="text-xs text-muted-foreground">
                {template.itemCount} question{template.itemCount === 1 ? "" : "s"}
              </span>
            </span>
            <Button size="sm" variant="outline" loading={usingId === template.id} disabled={usingId !== null} onClick={() => void use(template)}>
              Use
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
