import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/app-shell/logo";
import { MainNav } from "@/components/app-shell/main-nav";
import { UserMenu, type ShellUser } from "@/components/app-shell/user-menu";

/** `notice`: a strip under the header for something about the account (an address to confirm). */
export function AppShell({ user, notice, children }: { user: ShellUser; notice?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2 focus:text-sm focus:shadow-lg"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b bg-background/80 backdrop-blur-md supports-[backdrop-filter]:bg-background/70 print:hidden">
        {/* One nav for every width: beside the logo from sm up, a scrollable tab row below it on phones. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:h-14 sm:flex-nowrap sm:px-6">
          <Link
            href="/dashboard"
            aria-label="Mockroom home"
            className="flex h-14 items-center rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring sm:h-auto"
          >
            <Logo />
          </Link>
          <MainNav
            isGuest={user.isGuest}
            className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto border-t px-3 py-2 sm:order-none sm:mx-0 sm:w-auto sm:overflow-visible sm:border-0 sm:p-0"
          />
          {/* The realtime connection matters in a room only, which shows its state itself. */}
          <div className="ml-auto flex items-center gap-4">
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      {notice}
      <main id="main" className="flex-1">
        {children}
      </main>
    </div>
  );
}
