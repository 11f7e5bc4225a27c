import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { authenticate, createGuest } from "@/server/services/accounts";
import { guestInput, signInInput } from "@/server/auth/credentials";

/** Which sign-in methods this deployment offers; OAuth ones only when configured. */
export function enabledProviders(): { github: boolean; google: boolean } {
  const config = env();
  return { github: Boolean(config.GITHUB_ID), google: Boolean(config.GOOGLE_ID) };
}

let cached: AuthOptions | undefined;

/** next-auth configuration. JWT sessions, because credentials sign-in cannot use database sessions. */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  const config = env();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const input = signInInput.safeParse(raw);
        if (!input.success) return null;
        const user = await authenticate(db(), input.data.email, input.data.password);
        return user && { id: user.id, name: user.name, email: user.email, isGuest: false };
      },
    }),
    CredentialsProvider({
      id: "guest",
      name: "Guest",
      credentials: { name: { type: "text" }, inviteToken: { type: "text" } },
      async authorize(raw) {
        const input = guestInput.safeParse(raw);
        if (!input.success) return null;
        const user = await createGuest(db(), input.data.name, input.data.inviteToken, new Date());
        return user && { id: user.id, name: user.name, email: null, isGuest: true };
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }
  if (config.GOOGLE_ID && config.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: config.GOOGLE_ID, clientSecret: config.GOOGLE_SECRET }));
  }

  cached = {
    adapter: PrismaAdapter(db()),
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers,
    callbacks: {
      jwt({ token, user, trigger, session }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
          token.isGuest = "isGuest" in user ? Boolean(user.isGuest) : false;
        }
        // A guest who claims the identity by signing up updates the token in place.
        if (trigger === "update" && session && typeof session === "object" && "isGuest" in session) {
          token.isGuest = Boolean(session.isGuest);
          if ("name" in session && typeof session.name === "string") token.name = session.name;
          if ("email" in session && typeof session.email === "string") token.email = session.email;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) {
          session.user = { id: token.sub, name: token.name ?? null, email: token.email ?? null, isGuest: Boolean(token.isGuest) };
        }
        return session;
      },
    },
  };
  return cached;
}
