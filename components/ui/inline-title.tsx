import { Fragment } from "react";
import { inlineParts } from "@/components/ui/inline-code";

/** A question's title shown as plain text: its code spans as code, never as raw backticks (inlineParts). */
export function InlineTitle({ text }: { text: string }) {
  return (
    <>
      {inlineParts(text).map((part, index) =>
        part.code ? (
          <code key={index} className="rounded bg-muted px-1 py-px font-mono text-[0.9em] [overflow-wrap:anywhere]">
            {part.text}
          </code>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
