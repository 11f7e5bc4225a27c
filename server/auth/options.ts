import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { authSecret } from "@/server/auth/auth-secret";
import { decodeSessionToken } from "@/server/auth/session-token";
import { db } from "@/server/platform/db/client";
import { env } from "@/server/platform/env";
import { authenticate } from "@/server/services/accounts/sign-in";
import { createGuest } from "@/server/services/accounts/guest";
import { guestInput, signInInput, TOO_MANY_ATTEMPTS } from "@/server/domain/accounts/credentials";
import { clientAddressOf } from "@/server/platform/http/client-address";
import { hashInviteToken } from "@/server/services/invites/admission";
import { countAttempt, isLimited, RATE_LIMITS } from "@/server/services/accounts/rate-limits";

/** Which sign-in methods this deployment offers; OAuth ones only when configured. */
export function enabledProviders(): { github: boolean; google: boolean } {
  const config = env();
  return { github: Boolean(config.GITHUB_ID), google: Boolean(config.GOOGLE_ID) };
}

/**
 * Email and password sign-in, refused without checking the password once the account or the address
 * has failed too often; only failures count. A thrown message reaches the sign-in form as its `error`.
 */
async function signInWithLimits(input: { email: string; password: string }, address: string) {
  const now = new Date();
  const { signInFailuresPerAccount: perAccount, signInFailuresPerAddress: perAddress } = RATE_LIMITS;
  if ((await isLimited(db(), perAccount, input.email, now)) || (await isLimited(db(), perAddress, address, now))) throw new Error(TOO_MANY_ATTEMPTS);
  const user = await authenticate(db(), input.email, input.password);
  if (!user) await Promise.all([countAttempt(db(), perAccount, input.email, now), countAttempt(db(), perAddress, address, now)]);
  return user;
}

let cached: AuthOptions | undefined;

/** next-auth configuration, built once per process. */
export function authOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

/** next-auth configuration. JWT sessions, because credentials sign-in cannot use database sessions. */
export function buildAuthOptions(): AuthOptions {
  const config = env();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const input = signInInput.safeParse(raw);
        if (!input.success) return null;
        const user = await signInWithLimits(input.data, clientAddressOf(req.headers ?? {}));
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
        const now = new Date();
        // A thrown message reaches the sign-in form as its `error`.
        if (!(await countAttempt(db(), RATE_LIMITS.guestSignInsPerInvite, hashInviteToken(input.data.inviteToken), now))) throw new Error(TOO_MANY_ATTEMPTS);
        const user = await createGuest(db(), input.data.name, input.data.inviteToken, now);
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

  return {
    adapter: PrismaAdapter(db()),
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    jwt: { decode: decodeSessionToken },
    pages: { signIn: "/sign-in" },
    providers,
    callbacks: {
      // The identity in the token is set at sign-in, from the server's own user row, and never changes
      // afterwards: a session update (POST /api/auth/session) may carry anything a client likes, so
      // its data is ignored. A guest who signs up gets a new token by signing in as the new account.
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
          token.isGuest = "isGuest" in user ? Boolean(user.isGuest) : false;
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
}
