"use client";

import { LogOut, Monitor, Moon, Settings, Sun, UserPlus } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTheme } from "next-themes";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export interface ShellUser {
  name: string | null;
  email: string | null;
  isGuest: boolean;
}

const themes = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
] as const;

export function UserMenu({ user }: { user: ShellUser }) {
  const { theme, setTheme } = useTheme();
  const displayName = user.name ?? user.email ?? "Guest";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label="User menu"
        data-testid="user-menu"
        className={cn(
          "group flex items-center rounded-full outline-none transition-shadow",
          "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
        )}
      >
        <Avatar name={user.name} email={user.email} className="transition-[box-shadow] group-hover:ring-primary/35 group-data-[state=open]:ring-primary/50" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <div className="flex items-center gap-3 px-2 pt-2 pb-2.5">
          <Avatar name={user.name} email={user.email} className="size-9" />
          <div className="min-w-0">
            <p className="flex items-center gap-2 truncate text-sm font-medium" data-testid="user-menu-name">
              <span className="truncate">{displayName}</span>
              {user.isGuest ? <Badge>Guest</Badge> : null}
            </p>
            {user.email ? <p className="truncate text-xs text-muted-foreground">{user.email}</p> : null}
          </div>
        </div>
        {user.isGuest ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem asChild>
              <Link href="/sign-up" className="flex-col items-start gap-0.5">
                <span className="flex items-center gap-2 font-medium">
                  <UserPlus aria-hidden />
                  Create an account
                </span>
                <span className="pl-6 text-xs text-muted-foreground">Keep your interviews and come back to them later.</span>
              </Link>
            </DropdownMenuItem>
          </>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuGroup>
          <DropdownMenuLabel>Theme</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={theme ?? "system"} onValueChange={setTheme}>
            {themes.map(({ value, label, icon: Icon }) => (
              <DropdownMenuRadioItem key={value} value={value}>
                <Icon aria-hidden />
                {label}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings" data-testid="settings-link">
            <Settings aria-hidden />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/" })}>
          <LogOut aria-hidden />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
