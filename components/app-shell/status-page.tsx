import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/app-shell/logo";

/** A page of its own for when there is nothing else to show (not found, an error): the brand, what happened, a way on. */
export function StatusPage({ code, title, children, actions }: { code: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b">
        <div className="mx-auto flex h-14 max-w-6xl items-center px-4 sm:px-6">
          <Link href="/" aria-label="Mockroom home" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <Logo />
          </Link>
        </div>
      </header>
      <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
        <div className="max-w-md text-center">
          <p className="font-mono text-sm text-muted-foreground">{code}</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-balance">{title}</h1>
          <div className="mt-3 text-sm text-muted-foreground">{children}</div>
          <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>
        </div>
      </main>
    </div>
  );
}
