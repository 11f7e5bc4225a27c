"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label = "Copy link" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard access can be refused (plain http, permissions); the text is selectable next to the button.
      return;
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2_000);
  }
  return (
    <Button type="button" size="sm" variant="outline" onClick={() => void copy()} aria-label={copied ? "Copied" : label}>
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
