import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { authSecret } from "@/server/auth/auth-secret";
import { liveSessionDecoder } from "@/server/auth/live-session";
import { env } from "@/server/platform/env";
import { processRuntime } from "@/server/platform/process-runtime";
import type { Runtime } from "@/server/platform/runtime";
import { signInWithPassword } from "@/server/services/accounts/sign-in";
import { signInAsGuest } from "@/server/services/accounts/guest";
import { guestInput, signInInput } from "@/server/domain/accounts/credentials";
import { clientAddressOf } from "@/server/platform/http/client-address";

/** Which sign-in methods this deployment offers; OAuth ones only when configured. */
export function enabledProviders(): { github: boolean; google: boolean } {
  const config = env();
  return { github: Boolean(config.GITHUB_ID), google: Boolean(config.GOOGLE_ID) };
}

let cached: AuthOptions | undefined;

/** next-auth configuration, built once per process: NextAuth's edge, on the process's runtime. */
export function authOptions(): AuthOptions {
  cached ??= buildAuthOptions(processRuntime());
  return cached;
}

/** next-auth configuration. JWT sessions, because credentials sign-in cannot use database sessions. */
export function buildAuthOptions(runtime: Runtime): AuthOptions {
  const config = env();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const input = signInInput.safeParse(raw);
        if (!input.success) return null;
        // Taken before the password hash is read: a reset that commits after that read ends this session too.
        const signedInAt = Date.now();
        const user = await signInWithPassword(runtime.db, input.data, clientAddressOf(req.headers ?? {}), new Date(signedInAt));
        return user && { id: user.id, name: user.name, email: user.email, isGuest: false, signedInAt };
      },
    }),
    CredentialsProvider({
      id: "guest",
      name: "Guest",
      credentials: { name: { type: "text" }, inviteToken: { type: "text" } },
      async authorize(raw) {
        const input = guestInput.safeParse(raw);
        if (!input.success) return null;
        const signedInAt = Date.now();
        const user = await signInAsGuest(runtime.db, runtime.engine, input.data, new Date(signedInAt));
        return user && { id: user.id, name: user.name, email: null, isGuest: true, signedInAt };
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
    adapter: PrismaAdapter(runtime.db),
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    jwt: { decode: liveSessionDecoder(runtime.db) },
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
          // When this sign-in began, in ms; kept through refreshes (iat is not): see live-session.ts.
          token.signedInAt = typeof user.signedInAt === "number" ? user.signedInAt : Date.now();
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
