import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { findRedisServer } from './connections/redis.js';
import { MODERATION_POLICIES, type ModerationPolicy } from './moderation.js';
import type { PriceTable } from './usage.js';

/**
 * The whole environment, parsed once at start. Nothing else in Atelier reads `process.env`:
 * the entry point passes it here and hands the result down.
 */

const optionalUrl = (protocols: readonly string[], example: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(
      z
        .string()
        .refine((value) => protocols.some((protocol) => value.startsWith(protocol)), {
          message: `expected a URL starting with ${protocols.join(' or ')}, such as ${example}`,
        })
        .optional(),
    )
    .optional();

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const integer = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: `expected a whole number from ${min} to ${max}` })
    .int({ message: `expected a whole number from ${min} to ${max}` })
    .min(min, { message: `expected a whole number from ${min} to ${max}` })
    .max(max, { message: `expected a whole number from ${min} to ${max}` })
    .default(fallback);

const ROLES = ['gateway', 'worker'] as const;
export type Role = (typeof ROLES)[number];

const roles = z
  .string()
  .default('gateway,worker')
  .transform((value, ctx) => {
    const parts = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const unknown = parts.filter((part) => !(ROLES as readonly string[]).includes(part));
    if (parts.length === 0 || unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a comma-separated list of ${ROLES.join(', ')}; got "${value}"`,
      });
      return z.NEVER;
    }
    return new Set(parts as Role[]);
  });

const provider = z.enum(['offline', 'gemini'], { message: 'expected "offline" or "gemini"' });

const EnvSchema = z.object({
  PORT: integer(0, 65535, 9999),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl(['http://', 'https://'], 'https://atelier.example.com'),
  DATA_DIR: z.string().default('./.data'),
  ATELIER_ROLES: roles,
  DATABASE_URL: optionalUrl(['postgres://', 'postgresql://'], 'postgres://user:pass@host:5432/atelier'),
  REDIS_URL: optionalUrl(['redis://', 'rediss://'], 'redis://localhost:6379'),
  REDIS_SERVER_BIN: optionalText,
  MONGO_URL: optionalUrl(['mongodb://', 'mongodb+srv://'], 'mongodb://localhost:27017/atelier'),
  GEMINI_API_KEY: optionalText,
  GEMINI_BASE_URL: optionalUrl(['http://', 'https://'], 'https://generativelanguage.googleapis.com'),
  GEMINI_TEXT_MODEL: z.string().default('gemini-2.5-flash'),
  GEMINI_IMAGE_MODEL: z.string().default('gemini-2.5-flash-image'),
  PROVIDER_TIMEOUT_MS: integer(1000, 600_000, 60_000),
  PROMPT_PROVIDER: provider.optional(),
  IMAGE_PROVIDER: provider.optional(),
  CLOUDINARY_URL: optionalUrl(['cloudinary://'], 'cloudinary://key:secret@cloud-name'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: optionalText,
  MEDIA_URL_TTL_S: integer(60, 7 * 24 * 3600, 3600),
  TRASH_RETENTION_DAYS: integer(1, 36_500, 30),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'expected "true" or "false"' })
    .default('false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024, 256 * 1024),
  WORKER_CONCURRENCY: integer(1, 256, 4),
  JOB_ATTEMPTS: integer(1, 20, 3),
  JOB_BACKOFF_MS: integer(0, 600_000, 1000),
  JOB_LOCK_MS: integer(1000, 600_000, 30_000),
  REFINE_CACHE_TTL_SECONDS: integer(0, 30 * 24 * 3600, 24 * 3600),
  MODERATION_POLICY: z.enum(MODERATION_POLICIES, { message: 'expected "block", "flag" or "off"' }).default('block'),
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'expected letters, digits, "_" or "-"').default('atelier'),
  LANE_HIGH_LEAD_S: integer(0, 24 * 3600, 60),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000, 30_000),
  START_TIMEOUT_MS: integer(100, 600_000, 10_000),
  AUTH_REGISTRATION: z.enum(['open', 'invite', 'closed'], { message: 'expected "open", "invite" or "closed"' }).optional(),
  AUTH_TOKEN_SECRET: optionalText.pipe(z.string().min(32, { message: 'expected at least 32 characters' }).optional()),
  AUTH_ACCESS_TTL_S: integer(60, 24 * 3600, 900),
  AUTH_REFRESH_TTL_S: integer(3600, 365 * 24 * 3600, 30 * 24 * 3600),
  AUTH_JWKS_URL: optionalUrl(['https://', 'http://'], 'https://tenant.auth0.com/.well-known/jwks.json'),
  AUTH_JWT_SECRET: optionalText.pipe(z.string().min(32, { message: 'expected at least 32 characters' }).optional()),
  AUTH_ISSUER: optionalText,
  AUTH_AUDIENCE: optionalText,
  AUTH_USER_CLAIM: z.string().min(1).default('sub'),
  AUTH_ORG_CLAIM: z.string().min(1).default('org_id'),
  AUTH_ROLE_CLAIM: z.string().min(1).default('role'),
  AUTH_ADMIN_ROLES: z.string().default('admin'),
  RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000, 30),
  AUTH_RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000, 30),
  LOGIN_MAX_FAILURES: integer(1, 1_000_000, 10),
  LOGIN_MAX_FAILURES_PER_IP: integer(1, 1_000_000, 100),
  USER_DAILY_QUOTA: integer(0, 1_000_000_000, 100),
  ORG_MONTHLY_QUOTA: integer(0, 1_000_000_000, 3000),
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'expected "true" or "false"' })
    .default('false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  WEBHOOK_BACKOFF_MS: integer(1, 3_600_000, 5000),
  WEBHOOK_TIMEOUT_MS: integer(100, 120_000, 10_000),
  PRICE_TABLE: optionalText,
  EXPORT_MAX_IMAGES: integer(1, 100_000, 5000),
  EXPORT_TTL_S: integer(1, 30 * 24 * 3600, 24 * 3600),
});

const price = z.number({ message: 'expected a number of US dollars' }).min(0, { message: 'expected 0 or more' }).max(1_000_000).optional();

/** PRICE_TABLE's shape: `{"<model>": {"per_image": 0.04, "per_million_input_tokens": 0.3, "per_million_output_tokens": 2.5}}`. */
const PriceTableSchema = z.record(
  z.string().min(1).max(200),
  z.strictObject({ per_image: price, per_million_input_tokens: price, per_million_output_tokens: price }),
);

/** PRICE_TABLE: JSON itself (starting with `{`), or the path of a JSON file. Problems are pushed, naming the variable. */
function parsePriceTable(value: string | undefined, problems: string[]): PriceTable | undefined {
  if (value === undefined) return undefined;
  let text = value;
  if (!value.startsWith('{')) {
    try {
      text = readFileSync(value, 'utf8');
    } catch {
      problems.push(`  PRICE_TABLE: expected JSON or the path of a readable JSON file; could not read "${value}"`);
      return undefined;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push('  PRICE_TABLE: is not valid JSON');
    return undefined;
  }
  const parsed = PriceTableSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problems.push(`  PRICE_TABLE: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'} (expected {"<model>": {"per_image", "per_million_input_tokens", "per_million_output_tokens"}} in USD)`);
    return undefined;
  }
  return Object.fromEntries(
    Object.entries(parsed.data).map(([model, entry]) => [
      model,
      {
        ...(entry.per_image !== undefined && { perImage: entry.per_image }),
        ...(entry.per_million_input_tokens !== undefined && { perMillionInputTokens: entry.per_million_input_tokens }),
        ...(entry.per_million_output_tokens !== undefined && { perMillionOutputTokens: entry.per_million_output_tokens }),
      },
    ]),
  );
}

export interface Config {
  port: number;
  host: string;
  /**
   * Base of every URL Atelier hands out (media links, `Location`). When unset, the gateway uses
   * `http://localhost:{the port it listens on}`.
   */
  publicUrl: string | undefined;
  dataDir: string;
  roles: ReadonlySet<Role>;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** The `redis-server` the embedded mode starts: REDIS_SERVER_BIN, else the one on the PATH. */
  redisServerBinary: string | undefined;
  mongoUrl: string | undefined;
  gemini: { apiKey: string | undefined; baseUrl: string | undefined; textModel: string; imageModel: string };
  /** Longest any single provider call (Gemini, Cloudinary) may take before it counts as failed. */
  providerTimeoutMs: number;
  promptProvider: 'offline' | 'gemini';
  imageProvider: 'offline' | 'gemini';
  cloudinaryUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /**
   * The browser origins allowed to call the API and open sockets (with credentials). `undefined`
   * (CORS_ORIGINS unset): only the instance's own origin, that of the public URL, known once the
   * gateway listens. `'*'`: any origin, never with credentials, never on `/internal/`.
   */
  corsOrigins: string[] | '*' | undefined;
  /** How long a signed media URL handed out stays valid (MEDIA_URL_TTL_S). */
  mediaUrlTtlSeconds: number;
  /** How long an image stays in the trash before it is deleted for good, file included (TRASH_RETENTION_DAYS, default 30). */
  trashRetentionDays: number;
  /**
   * Whether a proxy in front sets `X-Forwarded-Proto` / `X-Forwarded-For` truthfully (TRUST_PROXY).
   * Off: those headers are a client's word and ignored.
   */
  trustProxy: boolean;
  bodyLimitBytes: number;
  workerConcurrency: number;
  jobAttempts: number;
  jobBackoffMs: number;
  /** How long a worker's hold on a job lasts unrenewed: a crashed worker's job is retried after it. */
  jobLockMs: number;
  /** How long a refinement stays cached (0: no cache). */
  refineCacheTtlSeconds: number;
  /** What prompts and images that moderation finds unsafe lead to (MODERATION_POLICY, default block; docs/moderation.md). */
  moderationPolicy: ModerationPolicy;
  queuePrefix: string;
  /** How many seconds ahead of the normal lane the high lane goes (conversation/pipeline/lanes.ts). */
  laneHighLeadSeconds: number;
  shutdownTimeoutMs: number;
  /** How long the start waits for the Redis named by REDIS_URL before it stops with an error naming it. */
  startTimeoutMs: number;
  auth: AuthConfig;
  limits: LimitsConfig;
  webhooks: WebhooksConfig;
  /** PRICE_TABLE: the operator's prices by model, over the default table (docs/usage.md); undefined: the defaults. */
  priceTable: PriceTable | undefined;
  exports: ExportsConfig;
}

/** Gallery exports (docs/gallery.md, "Exports"). */
export interface ExportsConfig {
  /** The most images one export may hold (EXPORT_MAX_IMAGES, default 5000); more is a 400. */
  maxImages: number;
  /** How long a finished export's file and download URL live, in seconds (EXPORT_TTL_S, default 86400). */
  ttlSeconds: number;
}

/** Webhook deliveries (docs/webhooks.md). */
export interface WebhooksConfig {
  /** Endpoints may be private, loopback or link-local addresses (WEBHOOK_ALLOW_PRIVATE; off by default: SSRF). */
  allowPrivate: boolean;
  /** The first retry's delay, doubled on each of the 14 retries (WEBHOOK_BACKOFF_MS, default 5 s: about a day in all). */
  backoffMs: number;
  /** How long one attempt may take, answer included (WEBHOOK_TIMEOUT_MS, default 10 s). */
  timeoutMs: number;
}

/** Rate limits and quotas (docs/limits.md). */
export interface LimitsConfig {
  /** Requests a user may make a minute to the costly routes (posting a message, refine, generate), together. */
  costlyPerMinute: number;
  /** Requests an IP address may make a minute to the `/v1/auth/` routes. */
  authPerMinute: number;
  /** Failed sign-ins in a row for one email from one IP before it is blocked for a while. */
  loginMaxFailures: number;
  /** Failed sign-ins a day from one IP, whatever the email, before it is blocked for a day. */
  loginMaxFailuresPerIp: number;
  /** Images a user may make a UTC day, unless their `daily_quota` says otherwise. */
  userDailyQuota: number;
  /** Images an organisation may make a UTC month, unless its `monthly_quota` says otherwise. */
  orgMonthlyQuota: number;
}

export interface AuthConfig {
  /** Who may make an account once the first one (the admin) exists. */
  registration: 'open' | 'invite' | 'closed';
  /** Signs Atelier's own access tokens; unset: a secret the instance makes once and keeps in its database. */
  tokenSecret: string | undefined;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Tokens from the user's identity provider, when one is configured. */
  provider: ProviderAuthConfig | undefined;
}

export interface ProviderAuthConfig {
  /** Where its signing keys are (RS256/ES256) … */
  jwksUrl: string | undefined;
  /** … or the secret another backend of the user's signs HS256 tokens with. */
  jwtSecret: string | undefined;
  issuer: string;
  audience: string;
  /** The claims that carry the user's id, the organisation and the role. */
  claims: { user: string; org: string; role: string };
  /** Role claim values that make an admin. */
  adminRoles: string[];
}

/** Thrown when the environment is wrong; its message names each bad variable and what it expects. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parse and check the environment. Throws {@link ConfigError} naming every variable that is wrong. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '?');
      const got = env[variable];
      return `  ${variable}: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];

  const split = !(e.ATELIER_ROLES.has('gateway') && e.ATELIER_ROLES.has('worker'));
  if (split && !e.REDIS_URL) {
    problems.push('  REDIS_URL: required when ATELIER_ROLES runs one role: separate processes must share one Redis');
  }
  if (split && !e.DATABASE_URL) {
    problems.push('  DATABASE_URL: required when ATELIER_ROLES runs one role: the embedded PGlite cannot be shared between processes');
  }
  // A worker's events carry image URLs: without a gateway of its own it cannot know the public address.
  if (!e.ATELIER_ROLES.has('gateway') && !e.PUBLIC_URL && !e.CLOUDINARY_URL) {
    problems.push('  PUBLIC_URL: required for a worker-only process storing images on disk: the URLs its events carry must name the gateways\' public address');
  }
  const choose = (variable: string, explicit: 'offline' | 'gemini' | undefined) => {
    if (explicit === 'gemini' && !e.GEMINI_API_KEY) {
      problems.push(`  ${variable}: "gemini" needs GEMINI_API_KEY to be set`);
    }
    return explicit ?? (e.GEMINI_API_KEY ? 'gemini' : 'offline');
  };
  const providerConfigured = Boolean(e.AUTH_JWKS_URL || e.AUTH_JWT_SECRET);
  if (e.AUTH_JWKS_URL && e.AUTH_JWT_SECRET) {
    problems.push('  AUTH_JWKS_URL, AUTH_JWT_SECRET: set one of them, not both: the provider signs with keys (JWKS) or with a shared secret');
  }
  if (providerConfigured && (!e.AUTH_ISSUER || !e.AUTH_AUDIENCE)) {
    problems.push(`  ${e.AUTH_ISSUER ? 'AUTH_AUDIENCE' : 'AUTH_ISSUER'}: required with ${e.AUTH_JWKS_URL ? 'AUTH_JWKS_URL' : 'AUTH_JWT_SECRET'}: a provider's token is accepted only for this issuer and audience`);
  }
  const promptProvider = choose('PROMPT_PROVIDER', e.PROMPT_PROVIDER);
  const imageProvider = choose('IMAGE_PROVIDER', e.IMAGE_PROVIDER);
  const corsOrigins = parseCorsOrigins(e.CORS_ORIGINS, problems);
  const priceTable = parsePriceTable(e.PRICE_TABLE, problems);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);

  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir: path.resolve(e.DATA_DIR),
    roles: e.ATELIER_ROLES,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisServerBinary: e.REDIS_SERVER_BIN ?? findRedisServer(env.PATH),
    mongoUrl: e.MONGO_URL,
    gemini: {
      apiKey: e.GEMINI_API_KEY,
      baseUrl: e.GEMINI_BASE_URL,
      textModel: e.GEMINI_TEXT_MODEL,
      imageModel: e.GEMINI_IMAGE_MODEL,
    },
    providerTimeoutMs: e.PROVIDER_TIMEOUT_MS,
    promptProvider,
    imageProvider,
    cloudinaryUrl: e.CLOUDINARY_URL,
    logLevel: e.LOG_LEVEL,
    corsOrigins,
    mediaUrlTtlSeconds: e.MEDIA_URL_TTL_S,
    trashRetentionDays: e.TRASH_RETENTION_DAYS,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    workerConcurrency: e.WORKER_CONCURRENCY,
    jobAttempts: e.JOB_ATTEMPTS,
    jobBackoffMs: e.JOB_BACKOFF_MS,
    jobLockMs: e.JOB_LOCK_MS,
    refineCacheTtlSeconds: e.REFINE_CACHE_TTL_SECONDS,
    moderationPolicy: e.MODERATION_POLICY,
    queuePrefix: e.QUEUE_PREFIX,
    laneHighLeadSeconds: e.LANE_HIGH_LEAD_S,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    startTimeoutMs: e.START_TIMEOUT_MS,
    priceTable,
    webhooks: {
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
      backoffMs: e.WEBHOOK_BACKOFF_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    exports: { maxImages: e.EXPORT_MAX_IMAGES, ttlSeconds: e.EXPORT_TTL_S },
    limits: {
      costlyPerMinute: e.RATE_LIMIT_PER_MINUTE,
      authPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginMaxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      userDailyQuota: e.USER_DAILY_QUOTA,
      orgMonthlyQuota: e.ORG_MONTHLY_QUOTA,
    },
    auth: {
      // Embedded, an instance is one person's: anyone may join. On a database server, invitations.
      registration: e.AUTH_REGISTRATION ?? (e.DATABASE_URL ? 'invite' : 'open'),
      tokenSecret: e.AUTH_TOKEN_SECRET,
      accessTtlSeconds: e.AUTH_ACCESS_TTL_S,
      refreshTtlSeconds: e.AUTH_REFRESH_TTL_S,
      provider: providerConfigured
        ? {
            jwksUrl: e.AUTH_JWKS_URL,
            jwtSecret: e.AUTH_JWT_SECRET,
            issuer: e.AUTH_ISSUER as string,
            audience: e.AUTH_AUDIENCE as string,
            claims: { user: e.AUTH_USER_CLAIM, org: e.AUTH_ORG_CLAIM, role: e.AUTH_ROLE_CLAIM },
            adminRoles: e.AUTH_ADMIN_ROLES.split(',').map((role) => role.trim()).filter(Boolean),
          }
        : undefined,
    },
  };
}

/**
 * CORS_ORIGINS: unset, the instance's own origin; `*`, any; else a comma-separated list of
 * origins (`https://app.example.com`), kept in the form a browser's `Origin` header has them.
 */
function parseCorsOrigins(value: string | undefined, problems: string[]): string[] | '*' | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return '*';
  const origins: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '') && !url.search) origin = url.origin;
    } catch {
      // reported below
    }
    if (origin === undefined) problems.push(`  CORS_ORIGINS: "${entry}" is not an origin; expected "*" or a comma-separated list such as https://app.example.com`);
    else origins.push(origin);
  }
  return origins;
}
