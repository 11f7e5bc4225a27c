import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/server/auth/auth-secret";
import { contentSecurityPolicy, NONCE_HEADER } from "@/server/platform/http/security-headers";

// Pages that need a session. Authentication happens here, before any page renders: no session, no app
// page. What a signed-in user may do inside a page is decided by the domain policies, never here.
const SIGNED_IN_PREFIXES = ["/dashboard", "/bank", "/interviews", "/room", "/settings"];

function needsSession(pathname: string): boolean {
  return SIGNED_IN_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * Every page and API response gets a Content-Security-Policy with a fresh nonce. Next.js reads the nonce
 * from the request's policy header for its own scripts; the root layout reads it for next-themes.
 */
export async function proxy(request: NextRequest) {
  if (needsSession(request.nextUrl.pathname)) {
    const token = await getToken({ req: request, secret: authSecret() });
    if (!token) {
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
      return NextResponse.redirect(signIn);
    }
  }

  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only. API routes get their fixed policy from the custom server (and are not buffered through
  // here: an import carries up to 32 MB); Next's static assets carry no markup; the code runner's files
  // (/runtimes/) get the custom server's worker policy, which a page's nonce policy would break; the
  // whiteboard's fonts (/excalidraw/) are files like Next's static assets.
  matcher: [{ source: "/((?!api/|runtimes/|excalidraw/|_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
