import path from 'node:path';
import { z } from 'zod';
import { findRedisServer } from './connections/redis.js';

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
  CORS_ORIGINS: z.string().default('*'),
  BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024, 256 * 1024),
  WORKER_CONCURRENCY: integer(1, 256, 4),
  JOB_ATTEMPTS: integer(1, 20, 3),
  JOB_BACKOFF_MS: integer(0, 600_000, 1000),
  JOB_LOCK_MS: integer(1000, 600_000, 30_000),
  REFINE_CACHE_TTL_SECONDS: integer(0, 30 * 24 * 3600, 24 * 3600),
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'expected letters, digits, "_" or "-"').default('atelier'),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000, 30_000),
  START_TIMEOUT_MS: integer(100, 600_000, 10_000),
  LOCAL_USER_ID: z.string().min(1).default('local'),
});

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
  corsOrigins: string[] | '*';
  bodyLimitBytes: number;
  workerConcurrency: number;
  jobAttempts: number;
  jobBackoffMs: number;
  /** How long a worker's hold on a job lasts unrenewed: a crashed worker's job is retried after it. */
  jobLockMs: number;
  /** How long a refinement stays cached (0: no cache). */
  refineCacheTtlSeconds: number;
  queuePrefix: string;
  shutdownTimeoutMs: number;
  /** How long the start waits for the Redis named by REDIS_URL before it stops with an error naming it. */
  startTimeoutMs: number;
  /** Every row is scoped to a user; until authentication comes, all requests act as this one. */
  localUserId: string;
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
  const promptProvider = choose('PROMPT_PROVIDER', e.PROMPT_PROVIDER);
  const imageProvider = choose('IMAGE_PROVIDER', e.IMAGE_PROVIDER);
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
    corsOrigins:
      e.CORS_ORIGINS.trim() === '*'
        ? '*'
        : e.CORS_ORIGINS.split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    workerConcurrency: e.WORKER_CONCURRENCY,
    jobAttempts: e.JOB_ATTEMPTS,
    jobBackoffMs: e.JOB_BACKOFF_MS,
    jobLockMs: e.JOB_LOCK_MS,
    refineCacheTtlSeconds: e.REFINE_CACHE_TTL_SECONDS,
    queuePrefix: e.QUEUE_PREFIX,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    startTimeoutMs: e.START_TIMEOUT_MS,
    localUserId: e.LOCAL_USER_ID,
  };
}
