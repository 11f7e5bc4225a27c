/**
 * next-auth v4 takes the app's origin (its callback URLs, redirects and whether cookies are Secure) from
 * process.env.NEXTAUTH_URL and nowhere else (next-auth/utils/detect-origin.js). This is the one variable
 * the app writes, for that library, at start; nothing of ours reads it: the app's own code reads
 * APP_URL through env().
 */
export function exposeOriginToNextAuth(appUrl: string): void {
  process.env.NEXTAUTH_URL = appUrl;
}
