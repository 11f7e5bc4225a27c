import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// Authentication happens here, before any page renders: no session, no app page. What a signed-in
// user may do inside a page is decided by the domain policies, never here.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/dashboard/:path*", "/bank/:path*", "/interviews/:path*", "/room/:path*", "/review/:path*"],
};
