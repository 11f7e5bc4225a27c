import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string | null; email: string | null; isGuest: boolean };
  }
  interface User {
    isGuest?: boolean;
    /** Set by the credentials providers just before the password check (ms). */
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    isGuest?: boolean;
    /** When the session was signed in (ms); tokens from before the account's sessionsValidFrom are refused. */
    signedInAt?: number;
  }
}
