import type { ServerResponse } from "node:http";
import {
  API_CONTENT_SECURITY_POLICY,
  isApiPath,
  isRuntimePath,
  runtimeContentSecurityPolicy,
  STATIC_SECURITY_HEADERS,
} from "@/server/platform/http/security-headers";

/** Set before any handler writes, so every response carries them; page policies come from proxy.ts. */
export function setSecurityHeaders(res: Pick<ServerResponse, "setHeader">, url: string, host?: string): void {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
  if (isApiPath(url)) res.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  else if (isRuntimePath(url)) res.setHeader("Content-Security-Policy", runtimeContentSecurityPolicy(host));
}
