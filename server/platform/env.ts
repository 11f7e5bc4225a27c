import { z } from "zod";
import type { IceConfig } from "@/server/services/call/ice-servers";
import type { SmtpConfig } from "@/server/services/email/mailer";

// Every setting the app reads, in one place. Parsed once, lazily, so that `next build` (which loads
// route modules) does not need a running configuration.

const optionalUrl = z.url().optional();
const optionalText = z.string().min(1).optional();

// A host name, an IPv4 address or a bracketed IPv6 address, and an optional port (RFC 7064, RFC 7065).
const HOST_PORT = String.raw`(?:[\w.-]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?`;
const STUN_URL = new RegExp(`^stuns?:${HOST_PORT}$`);
const TURN_URL = new RegExp(`^turns?:${HOST_PORT}(?:\\?transport=(?:udp|tcp))?$`);

/** A comma-separated list of ICE server URLs, each of the given scheme; empty when not set. */
const iceUrlList = (pattern: RegExp, example: string) =>
  z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern, `each URL like ${example}, separated by commas`)));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: optionalText,
    APP_URL: optionalUrl,
    DATABASE_URL: optionalUrl,
    DATA_DIR: z.string().min(1).default(".data"),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    /**
     * Connections per process. The room engine keeps at most 4 statements in flight (ENGINE_LIMITS) and
     * batches every room's commands into them; the rest serve pages, tRPC and room loads. Ten leaves room
     * for several processes under PostgreSQL's default of 100 connections.
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    REDIS_URL: optionalUrl,
    /** Prefixes every Redis key and channel of the Socket.IO adapter, so deployments can share one Redis. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w.:-]{1,64}$/, "letters, digits and . _ : - only")
      .default("mockroom"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    GOOGLE_ID: optionalText,
    GOOGLE_SECRET: optionalText,
    /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
    TRUST_PROXY: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
    /** Enables GET /metrics (Prometheus) for requests bearing this token. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /** pino's level: fatal, error, warn, info, debug or trace. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
    /** JSON lines for a log collector, or readable lines; by default readable in a terminal or with --dev. */
    LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
    /** STUN servers the browsers ask for their public address, e.g. stun:stun.example.com:3478. */
    ICE_STUN_URLS: iceUrlList(STUN_URL, "stun:stun.example.com:3478"),
    /** TURN servers that relay a call's media when no direct path works; they need TURN_SHARED_SECRET. */
    ICE_TURN_URLS: iceUrlList(TURN_URL, "turn:turn.example.com:3478?transport=udp"),
    /** The secret shared with the TURN server (coturn's static-auth-secret); it never leaves the server. */
    TURN_SHARED_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    /**
     * How long a member's TURN credential is good for. An hour covers an interview without asking again;
     * a credential that leaks, or outlives its member's removal, opens a relay only until then (coturn
     * checks the expiry when a relay is allocated; one already open lasts while its client refreshes it).
     */
    TURN_CREDENTIAL_LIFETIME_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(24 * 3600)
      .default(600),
    /** The SMTP server that sends the app's email; without it, email is off and pages show links to copy. */
    SMTP_HOST: optionalText,
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /**
     * implicit: TLS from the first byte (port 465); starttls: upgrade and refuse a server that cannot;
     * opportunistic: upgrade when the server offers it; none: plain text (a relay on the same machine).
     */
    SMTP_TLS: z.enum(["implicit", "starttls", "opportunistic", "none"]).default("starttls"),
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    /** The sender of every email, e.g. "Mockroom <interviews@example.com>". */
    EMAIL_FROM: optionalText,
    BANK_IMPORT_ON_START: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
  })
  .superRefine((env, ctx) => {
    for (const [id, secret] of [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_ID", "GOOGLE_SECRET"],
    ] as const) {
      if (Boolean(env[id]) !== Boolean(env[secret])) {
        ctx.addIssue({ code: "custom", path: [env[id] ? secret : id], message: `must be set together with ${env[id] ? id : secret}` });
      }
    }
    // A TURN server refuses every credential signed without its secret, so a call would fail only later.
    if (env.ICE_TURN_URLS.length > 0 && !env.TURN_SHARED_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TURN_SHARED_SECRET"], message: "must be set when ICE_TURN_URLS is (coturn's static-auth-secret)" });
    }
    if (env.SMTP_HOST && !env.EMAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: "must be set when SMTP_HOST is (the sender of every email)" });
    }
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: [env.SMTP_USER ? "SMTP_PASSWORD" : "SMTP_USER"], message: "SMTP_USER and SMTP_PASSWORD go together" });
    }
    if (env.TURN_SHARED_SECRET && env.ICE_TURN_URLS.length === 0) {
      ctx.addIssue({ code: "custom", path: ["ICE_TURN_URLS"], message: "must be set together with TURN_SHARED_SECRET" });
    }
  });

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses `source` (process.env by default) and names every invalid variable in one message. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (as in a copied .env.example) means "not set".
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const env = result.data;
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
}

/** The ICE servers of the calls, as the runtime carries them: STUN as given, TURN with its secret. */
export function iceConfigOf(config: Env): IceConfig {
  const turn = config.ICE_TURN_URLS.length > 0 && config.TURN_SHARED_SECRET ? { urls: config.ICE_TURN_URLS, secret: config.TURN_SHARED_SECRET } : null;
  return { stunUrls: config.ICE_STUN_URLS, turn, credentialLifetimeSeconds: config.TURN_CREDENTIAL_LIFETIME_SECONDS };
}

/** The SMTP settings the outbox worker sends with; null when email is off. */
export function smtpConfigOf(config: Env): SmtpConfig | null {
  if (!config.SMTP_HOST || !config.EMAIL_FROM) return null;
  const auth = config.SMTP_USER && config.SMTP_PASSWORD ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : null;
  return { host: config.SMTP_HOST, port: config.SMTP_PORT, tls: config.SMTP_TLS, auth, from: config.EMAIL_FROM };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
