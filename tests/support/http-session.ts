import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

/**
 * A browser-like client of the real app: a cookie jar, sign-in and guest sign-in through next-auth's own
 * endpoints (CSRF token included), and tRPC over HTTP with the resulting session cookie. Nothing here
 * forges a token: what the server issues is what the tests use (only a bench sets one with setCookie).
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  readonly trpc;

  constructor(readonly baseUrl: string) {
    this.trpc = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, fetch: (input, init) => this.fetch(String(input), init as RequestInit) })],
    });
  }

  /** Keeps a cookie ("name=value") as if the server had set it: the practice bench's minted sessions. */
  setCookie(pair: string): void {
    const [name, ...rest] = pair.split("=");
    if (name) this.cookies.set(name.trim(), rest.join("="));
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get signedIn(): boolean {
    return this.cookies.has("next-auth.session-token");
  }

  /** fetch with this session's cookies, keeping whatever cookies the answer sets. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(url.startsWith("http") ? url : `${this.baseUrl}${url}`, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /**
   * A page's RSC payload, as the client router fetches it on navigation. Next.js answers a request without
   * its `_rsc` cache key with a redirect to the address that has it; that redirect is followed once, and
   * anything but 200 then fails, so that a leak check never searches an empty body.
   */
  async rsc(path: string): Promise<string> {
    const headers = { RSC: "1" };
    let response = await this.fetch(path, { headers });
    const location = response.headers.get("location");
    if (response.status === 307 && location?.includes("_rsc")) response = await this.fetch(location, { headers });
    if (response.status !== 200) throw new Error(`RSC of ${path}: ${response.status}`);
    return response.text();
  }

  /** Posts next-auth's credentials callback for `provider`; returns the error next-auth reports, or null. */
  private async callback(provider: "credentials" | "guest", fields: Record<string, string>): Promise<string | null> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch(`/api/auth/callback/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: this.baseUrl, json: "true" }),
    });
    const { url } = (await response.json()) as { url: string };
    return new URL(url).searchParams.get("error");
  }

  /** Email and password sign-in; resolves to null on success, else next-auth's error (e.g. "CredentialsSignin"). */
  signIn(email: string, password: string): Promise<string | null> {
    return this.callback("credentials", { email, password });
  }

  /** Guest sign-in with an invite link's token, as the join page does. */
  guestSignIn(name: string, inviteToken: string): Promise<string | null> {
    return this.callback("guest", { name, inviteToken });
  }

  /** The session as next-auth reports it to the browser. */
  async session(): Promise<{ user?: { id: string; name: string | null; email: string | null; isGuest: boolean } }> {
    return (await (await this.fetch("/api/auth/session")).json()) as { user?: { id: string; name: string | null; email: string | null; isGuest: boolean } };
  }
}

/** The app's error code (appCode) of a failed tRPC call; throws if the call did not fail that way. */
export function appCodeOf(error: unknown): string {
  if (!(error instanceof TRPCClientError)) throw error;
  const data = error.data as { appCode?: string } | undefined;
  return data?.appCode ?? `TRPC_${String(error.data?.code)}`;
}

/** A new account through the real sign-up procedure, then signed in through next-auth. */
export async function signedUpSession(
  baseUrl: string,
  name: string,
  password = "correct horse battery",
): Promise<{ session: HttpSession; email: string; password: string }> {
  const session = new HttpSession(baseUrl);
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await session.trpc.account.signUp.mutate({ name, email, password });
  const error = await session.signIn(email, password);
  if (error) throw new Error(`sign-in of ${email} failed: ${error}`);
  return { session, email, password };
}
