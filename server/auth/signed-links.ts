import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

// The tokens of the links the app emails. Each is signed with a key derived from the app's secret for
// that use alone, so a token made for one purpose is worthless for another, and no database row holds
// a working link: the server signs the link again from the row's id when it renders an email.

export type LinkPurpose = "invite" | "verify-email" | "reset-password" | "change-email" | "unsubscribe";

function base64url(bytes: Buffer | Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

export class SignedLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "", "Mockroom signed links v1", 32));
  }

  private mac(purpose: LinkPurpose, value: string): string {
    return base64url(createHmac("sha256", this.key).update(`${purpose}\u0000${value}`).digest());
  }

  /**
   * An invite link's token for an invite made to be emailed: the same token every time it is asked for,
   * so that an update or a reminder carries the link the first email did. The database keeps its hash
   * (hashInviteToken), as for a random token.
   */
  inviteToken(inviteId: string): string {
    return this.mac("invite", inviteId);
  }

  /** `value.signature`: the value travels in the link, and a changed value or signature is refused. */
  sign(purpose: Exclude<LinkPurpose, "invite">, value: string): string {
    return `${base64url(Buffer.from(value, "utf8"))}.${this.mac(purpose, value)}`;
  }

  /** The value of a token this server signed for `purpose`; null for anything else, in constant time. */
  verify(purpose: Exclude<LinkPurpose, "invite">, token: string): string | null {
    const [encoded, signature, extra] = token.split(".");
    if (!encoded || !signature || extra !== undefined || encoded.length > 1024) return null;
    const value = Buffer.from(encoded, "base64url").toString("utf8");
    const expected = Buffer.from(this.mac(purpose, value));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
  }
}

let cached: { secret: string; links: SignedLinks } | undefined;

/** The signer for the app's secret, made once per process (its key derivation is not free). */
export function signedLinks(secret: string): SignedLinks {
  if (cached?.secret !== secret) cached = { secret, links: new SignedLinks(secret) };
  return cached.links;
}
