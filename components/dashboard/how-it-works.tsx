import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const steps = [
  { title: "Choose questions", body: "From the bank, each with its follow-ups and a scoring rubric." },
  { title: "Invite a candidate", body: "Share a link. Guests join with just a name." },
  { title: "Run the room", body: "Reveal follow-ups one at a time and score as you go." },
  { title: "Review together", body: "Every answer and score is saved for the debrief." },
] as const;

export function HowItWorks({ className }: { className?: string }) {
  return (
    <Card className={className} role="region" aria-labelledby="how-heading">
      <CardHeader>
        <CardTitle id="how-heading">How a session works</CardTitle>
        <CardDescription>Four steps from plan to debrief.</CardDescription>
      </CardHeader>
      <ol className="grid gap-4 p-5 sm:p-6">
        {steps.map((step, index) => (
          <li key={step.title} className="flex gap-3">
            <span
              aria-hidden
              className="flex size-6 shrink-0 items-center justify-center rounded-full border bg-muted text-xs font-medium text-muted-foreground tabular-nums"
            >
              {index + 1}
            </span>
            <div className="grid gap-0.5 pt-0.5">
              <p className="text-sm leading-5 font-medium">{step.title}</p>
              <p className="text-[13px] leading-5 text-muted-foreground">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
