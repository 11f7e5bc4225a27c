"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { canReadBank } from "@/server/domain/bank/policy";
import { canPractise } from "@/server/domain/practice/policy";

const links = [
  { href: "/dashboard", label: "Dashboard", visible: () => true },
  { href: "/bank", label: "Question bank", visible: canReadBank },
  { href: "/interviews", label: "Interviews", visible: () => true },
  { href: "/practice", label: "Practice", visible: canPractise },
  { href: "/history", label: "History", visible: () => true },
  { href: "/progress", label: "Progress", visible: () => true },
] as const;

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function MainNav({ className, isGuest }: { className?: string; isGuest: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={className}>
      <ul className="flex items-center gap-1">
        {links
          .filter((link) => link.visible({ isGuest }))
          .map((link) => {
            const active = isActive(pathname, link.href);
            return (
              <li key={link.href} className="relative">
                <Link
                  href={link.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors",
                    "outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    active ? "text-foreground sm:bg-accent" : "text-muted-foreground hover:bg-accent/60 hover:text-foreground",
                  )}
                >
                  {link.label}
                </Link>
                {/* On phones the nav is a tab row under the bar, where an underline reads better than a pill. */}
                {active ? <span aria-hidden className="absolute inset-x-2 -bottom-[9px] h-0.5 rounded-full bg-foreground sm:hidden" /> : null}
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
