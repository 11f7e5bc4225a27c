/**
 * The security headers of every response. Kept free of Node and Next imports: the custom server sets
 * the static ones on every response it writes (pages, API, assets, Socket.IO polling), and proxy.ts adds
 * the per-request Content-Security-Policy to pages and API routes.
 */

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Invite links carry their token in the path: never send a URL of ours to another site.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  // The call needs the camera, the microphone and screen capture, for pages of this origin only: no frame
  // from elsewhere may ask for them (we frame nothing, and X-Frame-Options keeps us out of other pages).
  "Permissions-Policy": "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()",
};

/** For JSON answers (API routes, Socket.IO polling): nothing in them may ever run or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Responses whose policy the custom server sets; proxy.ts sets a nonce policy on every other (page) response. */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith("/api/") || pathname.startsWith("/socket.io/");
}

/** The code runner's folder (public/runtimes/): its workers' scripts and the runtimes' own files. */
export function isRuntimePath(pathname: string): boolean {
  return pathname.startsWith("/runtimes/");
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The policy a code runner's worker runs under: a dedicated worker takes the policy of its own script's
 * response, not the page's. It may load scripts and fetch from the runtimes folder of this host only (the
 * runtime's files), compile WebAssembly, and nothing else: no other path of the app (whose API would
 * answer with the cookies of whoever pressed Run), no other origin, no `eval`, whatever a program reaches
 * in the worker. The host comes from the request; a Host header that is not a plain host falls back to
 * 'self' (any path of this origin), which the worker's own lockdown (components/runner/worker/
 * network-lockdown.ts) still covers.
 */
export function runtimeContentSecurityPolicy(host: string | undefined): string {
  const folder = host !== undefined && HOST.test(host) ? `${host}/runtimes/` : "'self'";
  return [
    `default-src 'none'`,
    `script-src ${folder} 'wasm-unsafe-eval'`,
    `connect-src ${folder}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The request header through which proxy.ts hands the nonce to the root layout. */
export const NONCE_HEADER = "x-nonce";

/**
 * A strict policy for one response. Scripts run only with this response's nonce ('strict-dynamic' lets
 * them load Next's chunks); styles allow inline `style` attributes, which React renders on the server
 * and which cannot carry a nonce. Development adds 'unsafe-eval' for React's stack reconstruction.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // OAuth avatars come from the providers' image hosts.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    // Same-origin WebSocket (Socket.IO) is covered by 'self'. WebRTC is not governed here: browsers apply
    // connect-src to fetch, XHR, WebSocket and EventSource, not to ICE (STUN, TURN, peers), and CSP3's
    // `webrtc` directive is implemented by no major browser (Chromium 156 logs it as unrecognised). A call
    // reaches the ICE servers the server issues (rtc.iceServers), and only our nonce'd scripts make calls.
    // Camera video needs no media-src: `srcObject` loads no URL.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}
