import { z } from "zod";

// Every setting the app reads, in one place. Parsed once, lazily, so that `next build` (which loads
// route modules) does not need a running configuration.

const optionalUrl = z.url().optional();
const optionalText = z.string().min(1).optional();

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

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
