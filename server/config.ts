/** Reads the server's configuration from environment variables through one zod schema, with clear errors. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { INBOX_LIMITS } from '../shared/protocol/clip-inbox-api';
import {
  SIGN_IN_SECRET_VARIABLES,
  SignInEnvShape,
  type SignInSettings,
  signInProblems,
  signInSettingsFrom,
} from './auth/sign-in-settings';
import { type ClipFetchSettings, DEFAULT_CLIP_FETCH_SETTINGS } from './clip-fetch/fetch-settings';
import { EXTENSION_ORIGIN_PATTERN } from './http/cors';
import type { InboxLimits } from './storage/storage';

const MiB = 1024 * 1024;

export const LogLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
export type LogLevel = z.infer<typeof LogLevelSchema>;

export const SqliteSynchronousSchema = z.enum(['FULL', 'NORMAL']);
export type SqliteSynchronous = z.infer<typeof SqliteSynchronousSchema>;

/** A PostgreSQL connection URL; its password never appears in a message. */
const DatabaseUrlSchema = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return ['postgres:', 'postgresql:'].includes(url.protocol) && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be a PostgreSQL URL like postgres://user:password@host:5432/dampingi' },
  );

/** A Redis connection URL (cluster fan-out); its password never appears in a message. */
const RedisUrlSchema = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return ['redis:', 'rediss:'].includes(url.protocol) && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be a Redis URL like redis://:password@host:6379' },
  );

/** Variables whose value is never repeated in an error message (it may hold a password). */
const SECRET_VARIABLES = new Set([
  'DAMPINGI_DATABASE_URL',
  'DAMPINGI_REDIS_URL',
  'DAMPINGI_METRICS_TOKEN',
  ...SIGN_IN_SECRET_VARIABLES,
]);

/** `chrome-extension://<id>,moz-extension://<uuid>`: the extension pages allowed to call the API (CORS). */
const ExtensionOriginsSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  )
  .pipe(
    z
      .array(
        z.string().regex(EXTENSION_ORIGIN_PATTERN, {
          error: 'each must be an extension origin like chrome-extension://<id> or moz-extension://<uuid>',
        }),
      )
      .min(1, { error: 'list at least one origin, or leave it unset to allow any extension' }),
  );

const BooleanFlagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'], { error: 'must be true or false' }))
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

/** An unset or empty variable means "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

const integer = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `must be a number (${what})` })
    .int({ error: `must be a whole number (${what})` })
    .min(min, { error: `must be at least ${min} (${what})` })
    .max(max, { error: `must be at most ${max} (${what})` });

const EnvSchema = z
  .object({
    DAMPINGI_PORT: optional(integer(0, 65_535, 'TCP port, 0 picks a free one').default(8787)),
    DAMPINGI_HOST: optional(z.string().trim().default('127.0.0.1')),
    DAMPINGI_DATA_DIR: optional(z.string().default('./data')),
    DAMPINGI_WEB_DIR: optional(z.string().default('.output/chrome-mv3')),
    DAMPINGI_MAX_MESSAGE_BYTES: optional(integer(1024, 1024 * MiB, 'bytes').default(256 * MiB)),
    DAMPINGI_RATE_MESSAGES_PER_SECOND: optional(
      integer(1, 1_000_000, 'messages per second per connection').default(200),
    ),
    DAMPINGI_RATE_BYTES_PER_SECOND: optional(
      integer(1024, 1024 * MiB, 'bytes per second per connection').default(8 * MiB),
    ),
    DAMPINGI_RATE_USER_MESSAGES_PER_SECOND: optional(
      integer(1, 1_000_000, 'messages per second of one account, all its connections together').default(100),
    ),
    DAMPINGI_RATE_USER_BYTES_PER_SECOND: optional(
      integer(1024, 1024 * MiB, 'bytes per second of one account, all its connections together').default(16 * MiB),
    ),
    DAMPINGI_RATE_BURST_SECONDS: optional(
      integer(1, 3600, 'seconds of allowance a quiet connection saves up').default(2),
    ),
    DAMPINGI_COMMIT_WINDOW_MS: optional(
      integer(0, 100, 'milliseconds updates wait to be committed together; 0: the same event-loop turn').default(0),
    ),
    DAMPINGI_MAX_PENDING_MESSAGES: optional(
      integer(1, 1_000_000, 'messages per connection waiting for the room to load or catch up').default(1000),
    ),
    DAMPINGI_MAX_BUFFERED_BYTES: optional(
      integer(64 * 1024, 4096 * MiB, 'bytes unsent to one slow client').default(64 * MiB),
    ),
    DAMPINGI_SYNC_CHUNK_BYTES: optional(
      integer(16 * 1024, 1024 * MiB, 'bytes per piece of a large initial sync').default(4 * MiB),
    ),
    DAMPINGI_KEEPALIVE_MS: optional(
      integer(50, 14_000, 'milliseconds a connection may go without a message from the server').default(10_000),
    ),
    DAMPINGI_DATABASE_URL: optional(DatabaseUrlSchema.optional()),
    DAMPINGI_REDIS_URL: optional(RedisUrlSchema.optional()),
    DAMPINGI_SQLITE_SYNCHRONOUS: optional(
      z
        .string()
        .transform((value) => value.toUpperCase())
        .pipe(SqliteSynchronousSchema)
        .default('FULL'),
    ),
    DAMPINGI_TOKEN_SECRET: optional(
      z.string().min(32, { error: 'must be at least 32 characters (shared by every server process)' }).optional(),
    ),
    DAMPINGI_TOKEN_TTL_DAYS: optional(integer(1, 3650, 'days a sign-in token stays valid').default(30)),
    DAMPINGI_SESSION_CHECK_SECONDS: optional(
      integer(1, 3600, 'seconds between checks that open connections still belong to valid sessions').default(10),
    ),
    DAMPINGI_MAX_CONNECTIONS_PER_USER: optional(
      integer(1, 10_000, 'open sync connections one account may hold at once').default(40),
    ),
    DAMPINGI_MAX_MENTORING_MB: optional(
      integer(1, 4096, "megabytes one draft's mentoring document (feedback, notes, photos) may grow to").default(64),
    ),
    DAMPINGI_MAX_PHOTO_MB: optional(
      integer(1, 4096, 'megabytes of observation photos one draft may hold (as stored, base64)').default(40),
    ),
    DAMPINGI_EXTENSION_ORIGINS: optional(ExtensionOriginsSchema.optional()),
    DAMPINGI_METRICS_TOKEN: optional(
      z
        .string()
        .trim()
        .min(16, { error: 'must be at least 16 characters (a secret for scraping /metrics)' })
        .optional(),
    ),
    DAMPINGI_METRICS_PORT: optional(
      integer(0, 65_535, 'loopback-only port for /metrics, 0 picks a free one').optional(),
    ),
    DAMPINGI_TRUST_PROXY: optional(BooleanFlagSchema.default(false)),
    DAMPINGI_JOIN_RATE_PER_ADDRESS: optional(
      integer(1, 100_000, 'joins per minute from one client address').default(10),
    ),
    DAMPINGI_JOIN_RATE_PER_LINK: optional(
      integer(1, 100_000, 'guest joins per hour through one share link').default(30),
    ),
    DAMPINGI_GUESTS_PER_LINK: optional(
      integer(0, 1_000_000, 'guest accounts one share link may make; 0: only signed-in people join').default(50),
    ),
    DAMPINGI_CLIP_FETCH_TIMEOUT_SECONDS: optional(
      integer(1, 120, 'seconds to fetch a shared page and its pictures').default(10),
    ),
    DAMPINGI_CLIP_FETCH_PER_MINUTE: optional(
      integer(1, 10_000, 'clips from a shared address per account per minute').default(20),
    ),
    // FOR TESTS ONLY: lets the server fetch pages from loopback (127.0.0.0/8, ::1). Never set it in production.
    DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK: optional(BooleanFlagSchema.default(false)),
    ...SignInEnvShape,
    LOG_LEVEL: optional(
      z
        .string()
        .transform((value) => value.toLowerCase())
        .pipe(LogLevelSchema)
        .default('info'),
    ),
  })
  .superRefine((vars, context) => {
    for (const [path, message] of signInProblems(vars)) context.addIssue({ code: 'custom', path: [path], message });
    if (vars.DAMPINGI_METRICS_PORT && vars.DAMPINGI_METRICS_PORT === vars.DAMPINGI_PORT) {
      context.addIssue({
        code: 'custom',
        path: ['DAMPINGI_METRICS_PORT'],
        message: 'must differ from DAMPINGI_PORT (it is a second, loopback-only listener)',
      });
    }
    // Several processes (a cluster) need one database and one token key; say so instead of failing later.
    if (vars.DAMPINGI_REDIS_URL && !vars.DAMPINGI_DATABASE_URL) {
      context.addIssue({
        code: 'custom',
        path: ['DAMPINGI_REDIS_URL'],
        message: 'needs DAMPINGI_DATABASE_URL too: the processes of a cluster share one PostgreSQL database',
      });
    }
    if (vars.DAMPINGI_REDIS_URL && !vars.DAMPINGI_TOKEN_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['DAMPINGI_TOKEN_SECRET'],
        message: 'must be set with DAMPINGI_REDIS_URL: every process of a cluster signs tokens with the same key',
      });
    }
  });

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute; holds `dampingi.sqlite` (unless `databaseUrl` is set) and the generated token secret. */
  dataDir: string;
  /** Absolute; the built web editor (WXT output). */
  webDir: string;
  /** Larger sync messages close the connection with 4413 (an offline backlog from a stock client is one message). */
  maxMessageBytes: number;
  /** Per connection; a sender over either is slowed down (its socket is not read for a while), never closed. */
  rateLimits: { messagesPerSecond: number; bytesPerSecond: number; burstSeconds: number };
  /** The same, for one account's connections together. */
  accountRateLimits: { messagesPerSecond: number; bytesPerSecond: number; burstSeconds: number };
  /** Messages of one connection queued in its room (e.g. while the document loads); more closes it with 4429. */
  maxPendingMessages: number;
  /** A connection whose unsent backlog exceeds this is closed as too slow (4504) instead of growing memory. */
  maxBufferedBytes: number;
  /** A client's initial sync larger than this arrives in pieces of about this size. */
  syncChunkBytes: number;
  /**
   * A connection the server sent nothing for this long gets an empty presence update: stock
   * y-websocket clients close one silent for 30 s, also while they upload (at most 14 s, so two
   * quiet periods stay under 30).
   */
  keepaliveMs: number;
  sqliteSynchronous: SqliteSynchronous;
  /**
   * SQLite group commit: updates arriving within this many milliseconds share one transaction (one
   * fsync). Each is still acknowledged, applied and relayed only after its commit.
   */
  commitWindowMs: number;
  /** Set: documents, drafts and users live in this PostgreSQL database; null: in SQLite under `dataDir`. */
  databaseUrl: string | null;
  /** Set (with `databaseUrl`): several processes share rooms through this Redis (server/cluster); null: one process. */
  redisUrl: string | null;
  /** Signs tokens; null: generated once into the data directory. */
  tokenSecret: string | null;
  tokenTtlSeconds: number;
  /** How often open connections are checked against their sessions (revoked elsewhere, e.g. by the CLI). */
  sessionCheckSeconds: number;
  /** More open sync connections of one account are refused (try again later: 4529). */
  maxConnectionsPerUser: number;
  /** Per draft: its mentoring document's size and its observation photos, in bytes of stored text. */
  mentoringLimits: { maxDocumentBytes: number; maxPhotoChars: number };
  /** A presence state (cursor, name) whose JSON is longer than this is dropped. */
  maxPresenceChars: number;
  /** Extension pages allowed by CORS besides this server's own; null: any chrome-extension:// or moz-extension:// (see http/cors.ts). */
  extensionOrigins: readonly string[] | null;
  /**
   * `/metrics` tells who runs what (rooms, refusals, process names), so it is not public: with
   * `metricsToken` the public port serves it to `Authorization: Bearer <token>`; with
   * `metricsPort` a second listener on 127.0.0.1 serves it to whoever is on the machine (a local
   * Prometheus). Neither: `/metrics` answers 404.
   */
  metricsToken: string | null;
  metricsPort: number | null;
  /** Behind a proxy (the cluster's HAProxy): client addresses come from the last X-Forwarded-For entry. */
  trustProxy: boolean;
  /** Limits of `/api/join`, which makes accounts without signing in (http/join-limits.ts). */
  joinLimits: { perAddressPerMinute: number; guestJoinsPerLinkPerHour: number; guestsPerLink: number };
  /** Email, school accounts, self sign-up (auth/sign-in-settings.ts). */
  signIn: SignInSettings;
  /**
   * Fetching a shared page on the server (clip-fetch/): time, sizes, rate. `allowLoopback` is for
   * tests only (DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK), logged as a warning at start.
   */
  clipFetch: ClipFetchSettings;
  /** Each account's clip inbox (shared/protocol/clip-inbox-api.ts's INBOX_LIMITS; tests make it small). */
  inboxLimits: InboxLimits;
  /** Sign-in attempts per client address, mails per address and per recipient (http/auth-limits.ts). */
  signInLimits: { attemptsPerTenMinutes: number; mailsPerHourPerAddress: number; mailsPerHourPerEmail: number };
  logLevel: LogLevel;
  /** Limits below are not read from the environment; tests may override them. */
  maxJsonBodyBytes: number;
  /** A draft saved as a workspace template may be at most this large, as ProseMirror JSON. */
  maxTemplateBytes: number;
  /** A draft's changed summary is written at most this often (its latest state wins). */
  summaryWriteIntervalMs: number;
  /** How long an empty room stays loaded, so a quick reconnect does not reload from storage. */
  roomUnloadDelayMs: number;
  /** A document whose update log is at least this long is compacted into one snapshot when loaded. */
  compactAfterUpdates: number;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

export function configFromEnv(env: Record<string, string | undefined>, cwd: string = process.cwd()): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      const shown = value === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got "${value}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    return { ok: false, message: `Invalid server configuration:\n${lines.join('\n')}` };
  }
  const vars = parsed.data;
  return {
    ok: true,
    config: {
      port: vars.DAMPINGI_PORT,
      host: vars.DAMPINGI_HOST,
      dataDir: resolve(cwd, vars.DAMPINGI_DATA_DIR),
      webDir: resolve(cwd, vars.DAMPINGI_WEB_DIR),
      maxMessageBytes: vars.DAMPINGI_MAX_MESSAGE_BYTES,
      rateLimits: {
        messagesPerSecond: vars.DAMPINGI_RATE_MESSAGES_PER_SECOND,
        bytesPerSecond: vars.DAMPINGI_RATE_BYTES_PER_SECOND,
        burstSeconds: vars.DAMPINGI_RATE_BURST_SECONDS,
      },
      accountRateLimits: {
        messagesPerSecond: vars.DAMPINGI_RATE_USER_MESSAGES_PER_SECOND,
        bytesPerSecond: vars.DAMPINGI_RATE_USER_BYTES_PER_SECOND,
        burstSeconds: vars.DAMPINGI_RATE_BURST_SECONDS,
      },
      maxPendingMessages: vars.DAMPINGI_MAX_PENDING_MESSAGES,
      maxBufferedBytes: vars.DAMPINGI_MAX_BUFFERED_BYTES,
      syncChunkBytes: vars.DAMPINGI_SYNC_CHUNK_BYTES,
      keepaliveMs: vars.DAMPINGI_KEEPALIVE_MS,
      sqliteSynchronous: vars.DAMPINGI_SQLITE_SYNCHRONOUS,
      commitWindowMs: vars.DAMPINGI_COMMIT_WINDOW_MS,
      databaseUrl: vars.DAMPINGI_DATABASE_URL ?? null,
      redisUrl: vars.DAMPINGI_REDIS_URL ?? null,
      tokenSecret: vars.DAMPINGI_TOKEN_SECRET ?? null,
      tokenTtlSeconds: vars.DAMPINGI_TOKEN_TTL_DAYS * 86_400,
      sessionCheckSeconds: vars.DAMPINGI_SESSION_CHECK_SECONDS,
      maxConnectionsPerUser: vars.DAMPINGI_MAX_CONNECTIONS_PER_USER,
      mentoringLimits: {
        maxDocumentBytes: vars.DAMPINGI_MAX_MENTORING_MB * MiB,
        maxPhotoChars: vars.DAMPINGI_MAX_PHOTO_MB * MiB,
      },
      maxPresenceChars: 4096,
      extensionOrigins: vars.DAMPINGI_EXTENSION_ORIGINS ?? null,
      metricsToken: vars.DAMPINGI_METRICS_TOKEN ?? null,
      metricsPort: vars.DAMPINGI_METRICS_PORT ?? null,
      trustProxy: vars.DAMPINGI_TRUST_PROXY,
      joinLimits: {
        perAddressPerMinute: vars.DAMPINGI_JOIN_RATE_PER_ADDRESS,
        guestJoinsPerLinkPerHour: vars.DAMPINGI_JOIN_RATE_PER_LINK,
        guestsPerLink: vars.DAMPINGI_GUESTS_PER_LINK,
      },
      signIn: signInSettingsFrom(vars),
      clipFetch: {
        ...DEFAULT_CLIP_FETCH_SETTINGS,
        timeoutMs: vars.DAMPINGI_CLIP_FETCH_TIMEOUT_SECONDS * 1000,
        perAccountPerMinute: vars.DAMPINGI_CLIP_FETCH_PER_MINUTE,
        allowLoopback: vars.DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK,
      },
      inboxLimits: { maxItems: INBOX_LIMITS.maxItemsPerAccount, maxBytes: INBOX_LIMITS.maxBytesPerAccount },
      signInLimits: { attemptsPerTenMinutes: 30, mailsPerHourPerAddress: 10, mailsPerHourPerEmail: 5 },
      logLevel: vars.LOG_LEVEL,
      maxJsonBodyBytes: 64 * 1024,
      maxTemplateBytes: MiB,
      summaryWriteIntervalMs: 500,
      roomUnloadDelayMs: 2_000,
      compactAfterUpdates: 500,
    },
  };
}

/** The address people type into a browser: a wildcard listen address is reached through localhost. */
export function publicBaseUrl(config: Pick<ServerConfig, 'host' | 'port'>, port: number = config.port): string {
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  const printable = host.includes(':') ? `[${host}]` : host;
  return `http://${printable}:${port}`;
}
