const PROBE_ORIGIN = "http://mockroom.invalid";

/**
 * Where to go after signing in. Only a path on this site is accepted: an absolute URL, "//host" or
 * "/\host" would turn the sign-in page into an open redirect.
 */
export function safeCallbackUrl(raw: string | string[] | undefined, fallback = "/dashboard"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return fallback;
    // Landing on an auth page again after signing in would only bounce to the dashboard.
    if (url.pathname === "/sign-in" || url.pathname === "/sign-up") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** A link to another auth page that keeps the destination, unless it is the default one. */
export function withCallbackUrl(path: string, callbackUrl: string): string {
  return callbackUrl === "/dashboard" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
