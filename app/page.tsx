import { ArrowRight, BookOpen, Check, History, ListChecks, Lock, Radio, Sparkles } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/app-shell/logo";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { currentUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

interface Feature {
  icon: LucideIcon;
  title: string;
  body: string;
  wide?: boolean;
}

const features: Feature[] = [
  {
    icon: Radio,
    title: "A live room for both sides",
    body: "Interviewer and candidate share one room over WebSockets. Every action is saved as it happens, so a dropped connection or a server restart loses nothing: you reconnect exactly where you were.",
    wide: true,
  },
  {
    icon: BookOpen,
    title: "A bank from real prep docs",
    body: "Import the interview-prep documents you already have, however messy, and get questions with answers, key points and follow-ups.",
  },
  {
    icon: Sparkles,
    title: "Follow-ups, one at a time",
    body: "Reveal the next probe when the answer earns it. The candidate only ever sees what you have revealed.",
  },
  {
    icon: ListChecks,
    title: "Scored against a rubric",
    body: "Criteria, red flags and example scores come with each question, so two interviewers mean the same thing by a 3.",
  },
  {
    icon: History,
    title: "Review every session",
    body: "Answers, notes and scores stay with the session, ready for the debrief or your next round of practice.",
  },
];

export default async function HomePage() {
  if (await currentUser()) redirect("/dashboard");

  return (
    <div className="relative isolate overflow-x-clip">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-[720px] bg-[radial-gradient(50%_60%_at_50%_0%,color-mix(in_oklch,var(--color-primary)_14%,transparent),transparent)]"
      />
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-[640px] [background-image:linear-gradient(to_right,var(--color-border)_1px,transparent_1px),linear-gradient(to_bottom,var(--color-border)_1px,transparent_1px)] [background-size:56px_56px] opacity-50 [mask-image:radial-gradient(60%_55%_at_50%_0%,black,transparent)]"
      />

      <header className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link href="/" aria-label="Mockroom home" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <Logo />
        </Link>
        <nav aria-label="Site">
          <a href="#features" className="rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground">
            Features
          </a>
        </nav>
      </header>

      <main>
        <Hero />

        <section className="mx-auto max-w-5xl px-4 sm:px-6">
          <RoomPreview />
        </section>

        <Features />

        <section className="mx-auto max-w-6xl px-4 pb-24 sm:px-6">
          <div className="flex flex-col items-start justify-between gap-6 rounded-2xl border bg-card px-6 py-10 shadow-xs sm:flex-row sm:items-center sm:px-10">
            <div>
              <h2 className="text-2xl font-semibold tracking-tight">Your next interview starts in a room</h2>
              <p className="mt-2 text-sm text-muted-foreground">Plan one in a few minutes with the question bank that ships with Mockroom.</p>
            </div>
            <Button asChild size="lg" variant="secondary" className="w-full sm:w-auto">
              <Link href="/sign-up">Create your account</Link>
            </Button>
          </div>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-[13px] text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <Logo className="[&_svg]:size-5 [&>span]:text-sm" />
          <p>Practise the interview before it counts.</p>
        </div>
      </footer>
    </div>
  );
}

function Hero() {
  return (
    <section className="mx-auto max-w-6xl px-4 pt-14 pb-16 text-center sm:px-6 sm:pt-24 sm:pb-20">
      <Badge variant="outline" className="mb-6 bg-card/70 px-3 py-1 text-[13px] font-normal text-muted-foreground shadow-xs backdrop-blur">
        <span aria-hidden className="size-1.5 rounded-full bg-primary" />
        Live mock interviews with real rubrics
      </Badge>
      <h1 className="mx-auto max-w-3xl text-4xl leading-[1.08] font-semibold tracking-tight sm:text-6xl">Technical interviews that feel like the real thing</h1>
      <p className="mx-auto mt-6 max-w-2xl text-base leading-7 text-muted-foreground sm:text-lg sm:leading-8">
        Mockroom puts interviewer and candidate in one live room. Questions come from real interview-prep documents, follow-ups are revealed one at a time, and
        every answer is scored against a rubric and kept for review.
      </p>
      <div className="mt-9 flex flex-col items-center justify-center gap-3 sm:flex-row">
        <Button asChild size="lg" className="w-full sm:w-auto">
          <Link href="/sign-up">
            Get started
            <ArrowRight aria-hidden />
          </Link>
        </Button>
        <Button asChild size="lg" variant="outline" className="w-full sm:w-auto">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
      <p className="mt-5 text-[13px] text-muted-foreground">Candidates join from an invite link. No account needed.</p>
    </section>
  );
}

function Features() {
  return (
    <section id="features" aria-labelledby="features-heading" className="mx-auto max-w-6xl scroll-mt-8 px-4 py-24 sm:px-6 sm:py-32">
      <div className="max-w-2xl">
        <p className="text-sm font-medium text-primary-soft-foreground">Why Mockroom</p>
        <h2 id="features-heading" className="mt-3 text-3xl font-semibold tracking-tight sm:text-4xl">
          Everything an interview loop needs, and nothing it does not
        </h2>
        <p className="mt-4 text-base leading-7 text-muted-foreground">
          Built for the people who run interviews every week and for the people practising for their next one.
        </p>
      </div>
      <ul className="mt-12 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {features.map((feature) => (
          <li key={feature.title} className={cn("rounded-xl border bg-card p-6 shadow-xs", feature.wide && "lg:col-span-2")}>
            <span aria-hidden className="flex size-9 items-center justify-center rounded-lg border bg-muted/60">
              <feature.icon className="size-4 text-foreground" />
            </span>
            <h3 className="mt-5 text-[15px] font-semibold tracking-tight">{feature.title}</h3>
            <p className={cn("mt-2 text-sm leading-6 text-muted-foreground", feature.wide && "max-w-xl")}>{feature.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

const rubric = [
  { criterion: "Requirements and scope", score: 3 },
  { criterion: "Algorithm choice", score: 4 },
  { criterion: "Distributed state", score: 2 },
  { criterion: "Failure modes", score: null },
] as const;

/** An illustration of the room, drawn in markup so it follows the theme. Hidden from assistive tech behind one description. */
function RoomPreview() {
  return (
    <div
      role="img"
      aria-label="A Mockroom interview: the question, follow-ups revealed one at a time, and a rubric being scored live."
      className="relative rounded-2xl border bg-card/60 p-1.5 shadow-lg backdrop-blur-sm sm:p-2"
    >
      <div aria-hidden className="overflow-hidden rounded-xl border bg-card text-left">
        <div className="flex items-center gap-3 border-b px-4 py-3 sm:px-5">
          <span className="truncate text-sm font-medium">System design · Platform team</span>
          <Badge variant="success" className="hidden sm:inline-flex">
            <span className="size-1.5 rounded-full bg-success" />
            Live
          </Badge>
          <span className="ml-auto font-mono text-sm text-muted-foreground tabular-nums">18:42</span>
          <div className="flex -space-x-1.5">
            <Avatar name="Grace Hopper" className="size-7 text-[10px] ring-2 ring-card" />
            <Avatar name="Alan Turing" className="size-7 text-[10px] ring-2 ring-card" />
          </div>
        </div>
        <div className="grid md:grid-cols-[1.45fr_1fr]">
          <div className="p-5 sm:p-6">
            <p className="text-xs font-medium text-muted-foreground">Question 2 of 4</p>
            <p className="mt-2 text-lg font-semibold tracking-tight">Design a rate limiter for a public API</p>
            <p className="mt-2 text-sm leading-6 text-muted-foreground">
              Requests arrive at several stateless nodes. Each API key may make 100 requests per minute.
            </p>
            <p className="mt-6 text-xs font-medium text-muted-foreground">Follow-ups</p>
            <ol className="mt-3 grid gap-2">
              {["How do the nodes share counters?", "What happens when the store is unavailable?"].map((text) => (
                <li key={text} className="flex items-center gap-2.5 rounded-lg border bg-background/60 px-3 py-2.5 text-sm">
                  <Check className="size-4 shrink-0 text-success" />
                  {text}
                </li>
              ))}
              <li className="flex items-center gap-2.5 rounded-lg border border-dashed px-3 py-2.5 text-sm text-muted-foreground">
                <Lock className="size-4 shrink-0" />
                <span className="flex-1">Hidden from the candidate</span>
                <span className="rounded-md bg-primary px-2 py-1 text-xs font-medium text-primary-foreground">Reveal next</span>
              </li>
            </ol>
          </div>
          <div className="hidden border-t bg-muted/30 p-5 sm:block sm:p-6 md:border-t-0 md:border-l">
            <div className="flex items-baseline justify-between">
              <p className="text-xs font-medium text-muted-foreground">Rubric</p>
              <p className="text-xs text-muted-foreground">
                <span className="font-semibold text-foreground tabular-nums">9</span> / 16
              </p>
            </div>
            <ul className="mt-3 grid gap-3.5">
              {rubric.map(({ criterion, score }) => (
                <li key={criterion} className="grid gap-1.5">
                  <span className="text-sm">{criterion}</span>
                  <span className="grid grid-cols-4 gap-1">
                    {[1, 2, 3, 4].map((value) => (
                      <span
                        key={value}
                        className={cn(
                          "flex h-7 items-center justify-center rounded-md border text-xs tabular-nums",
                          value === score ? "border-primary bg-primary text-primary-foreground" : "bg-card text-muted-foreground",
                        )}
                      >
                        {value}
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
            <div className="mt-5 rounded-lg border bg-card px-3 py-2.5 text-[13px] leading-5 text-muted-foreground">
              Chose a sliding window log; weighed memory against accuracy without prompting.
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
