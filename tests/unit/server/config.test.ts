import { describe, expect, it } from 'vitest';
import { configFromEnv, publicBaseUrl } from '../../../server/config';

describe('server configuration from the environment', () => {
  it('starts with sensible defaults when nothing is set', () => {
    const result = configFromEnv({}, '/srv/dampingi');
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 8787,
        host: '127.0.0.1',
        dataDir: '/srv/dampingi/data',
        webDir: '/srv/dampingi/.output/chrome-mv3',
        maxMessageBytes: 256 * 1024 * 1024,
        sqliteSynchronous: 'FULL',
        logLevel: 'info',
      },
    });
  });

  it('clips from a URL: 10 s and 20 a minute by default; loopback only when the test setting says so', () => {
    expect(configFromEnv({})).toMatchObject({
      ok: true,
      config: {
        clipFetch: {
          allowLoopback: false,
          timeoutMs: 10_000,
          perAccountPerMinute: 20,
          maxRedirects: 5,
          maxPageBytes: 5 * 1024 * 1024,
          maxImageBytes: 2 * 1024 * 1024,
          maxImages: 12,
          maxImageBytesTotal: 6 * 1024 * 1024,
        },
      },
    });
    const set = configFromEnv({
      DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK: '1',
      DAMPINGI_CLIP_FETCH_TIMEOUT_SECONDS: '4',
      DAMPINGI_CLIP_FETCH_PER_MINUTE: '5',
    });
    expect(set).toMatchObject({
      ok: true,
      config: { clipFetch: { allowLoopback: true, timeoutMs: 4000, perAccountPerMinute: 5 } },
    });
    const wrong = configFromEnv({ DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK: 'mungkin' });
    expect(!wrong.ok && wrong.message).toContain('DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK: must be true or false');
  });

  it('a cluster (Redis URL) also needs the database and a shared token key, and no password is echoed', () => {
    const secret = 'x'.repeat(32);
    expect(configFromEnv({})).toMatchObject({ ok: true, config: { redisUrl: null } });
    const alone = configFromEnv({ DAMPINGI_REDIS_URL: 'redis://:sandi-redis@10.0.0.5:6379' });
    expect(alone.ok).toBe(false);
    if (!alone.ok) {
      expect(alone.message).toContain('DAMPINGI_REDIS_URL: needs DAMPINGI_DATABASE_URL too');
      expect(alone.message).toContain('DAMPINGI_TOKEN_SECRET: must be set with DAMPINGI_REDIS_URL');
      expect(alone.message).not.toContain('sandi-redis');
    }
    const wrong = configFromEnv({ DAMPINGI_REDIS_URL: 'http://sandi@10.0.0.5' });
    expect(!wrong.ok && wrong.message).toContain('must be a Redis URL');
    expect(!wrong.ok && wrong.message).not.toContain('sandi');
    const cluster = configFromEnv({
      DAMPINGI_REDIS_URL: 'redis://10.0.0.5:6379',
      DAMPINGI_DATABASE_URL: 'postgres://dampingi@10.0.0.4/dampingi',
      DAMPINGI_TOKEN_SECRET: secret,
    });
    expect(cluster).toMatchObject({ ok: true, config: { redisUrl: 'redis://10.0.0.5:6379' } });
  });

  it('reads every variable, case-insensitively for the enums, and treats empty as unset', () => {
    const result = configFromEnv({
      DAMPINGI_PORT: '0',
      DAMPINGI_HOST: '0.0.0.0',
      DAMPINGI_DATA_DIR: '/var/lib/dampingi',
      DAMPINGI_WEB_DIR: '',
      DAMPINGI_MAX_MESSAGE_BYTES: '1048576',
      DAMPINGI_SQLITE_SYNCHRONOUS: 'normal',
      LOG_LEVEL: 'WARN',
    });
    expect(result.ok && result.config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/var/lib/dampingi',
      maxMessageBytes: 1048576,
      sqliteSynchronous: 'NORMAL',
      logLevel: 'warn',
    });
  });

  it('names every wrong variable and the value it got', () => {
    const result = configFromEnv({ DAMPINGI_PORT: 'delapan', DAMPINGI_SQLITE_SYNCHRONOUS: 'OFF' });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('DAMPINGI_PORT: must be a number');
    expect(message).toContain('"delapan"');
    expect(message).toContain('DAMPINGI_SQLITE_SYNCHRONOUS');
  });

  it('limits for abusive or slow connections have defaults, are read from the environment and explain a bad value', () => {
    const defaults = configFromEnv({});
    expect(defaults.ok && defaults.config).toMatchObject({
      rateLimits: { messagesPerSecond: 200, bytesPerSecond: 8 * 1024 * 1024, burstSeconds: 2 },
      maxPendingMessages: 1000,
      maxBufferedBytes: 64 * 1024 * 1024,
    });
    const set = configFromEnv({
      DAMPINGI_RATE_MESSAGES_PER_SECOND: '50',
      DAMPINGI_RATE_BYTES_PER_SECOND: '65536',
      DAMPINGI_RATE_BURST_SECONDS: '5',
      DAMPINGI_MAX_PENDING_MESSAGES: '20',
      DAMPINGI_MAX_BUFFERED_BYTES: '1048576',
    });
    expect(set.ok && set.config).toMatchObject({
      rateLimits: { messagesPerSecond: 50, bytesPerSecond: 65536, burstSeconds: 5 },
      maxPendingMessages: 20,
      maxBufferedBytes: 1048576,
    });
    const wrong = configFromEnv({ DAMPINGI_RATE_MESSAGES_PER_SECOND: '0', DAMPINGI_MAX_BUFFERED_BYTES: 'banyak' });
    const message = wrong.ok ? '' : wrong.message;
    expect(message).toContain('DAMPINGI_RATE_MESSAGES_PER_SECOND: must be at least 1');
    expect(message).toContain('DAMPINGI_MAX_BUFFERED_BYTES: must be a number');
  });

  it('a server listening on every interface is reached through localhost in printed links', () => {
    expect(publicBaseUrl({ host: '0.0.0.0', port: 8787 })).toBe('http://localhost:8787');
    expect(publicBaseUrl({ host: '127.0.0.1', port: 0 }, 40123)).toBe('http://127.0.0.1:40123');
  });

  it('a PostgreSQL URL selects PostgreSQL; without one the server stays on SQLite', () => {
    expect(configFromEnv({})).toMatchObject({ ok: true, config: { databaseUrl: null } });
    expect(configFromEnv({ DAMPINGI_DATABASE_URL: '  ' })).toMatchObject({ ok: true, config: { databaseUrl: null } });
    for (const url of ['postgres://dampingi:sandi@db.example:5432/dampingi', 'postgresql://localhost/dampingi']) {
      expect(configFromEnv({ DAMPINGI_DATABASE_URL: url })).toMatchObject({ ok: true, config: { databaseUrl: url } });
    }
  });

  it('a database URL that is not PostgreSQL is refused without repeating it (it may hold a password)', () => {
    for (const url of ['mysql://root:rahasia@db.example/dampingi', 'postgres://', 'db.example:5432 rahasia']) {
      const result = configFromEnv({ DAMPINGI_DATABASE_URL: url });
      expect(result.ok).toBe(false);
      const message = result.ok ? '' : result.message;
      expect(message).toContain('DAMPINGI_DATABASE_URL: must be a PostgreSQL URL');
      expect(message).not.toContain('rahasia');
    }
  });

  it('HTTP hardening: metrics off, any extension origin, no proxy trusted and join limits of 10/min, 30/h, 50 by default', () => {
    expect(configFromEnv({})).toMatchObject({
      ok: true,
      config: {
        metricsToken: null,
        metricsPort: null,
        extensionOrigins: null,
        trustProxy: false,
        joinLimits: { perAddressPerMinute: 10, guestJoinsPerLinkPerHour: 30, guestsPerLink: 50 },
      },
    });
  });

  it('reads the HTTP hardening variables, and refuses a short metrics token without repeating it', () => {
    const chrome = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const result = configFromEnv({
      DAMPINGI_METRICS_TOKEN: 'rahasia-metrik-0123456789',
      DAMPINGI_METRICS_PORT: '9464',
      DAMPINGI_EXTENSION_ORIGINS: ` ${chrome}, moz-extension://0d3c2b1a-1111-2222-3333-444455556666 `,
      DAMPINGI_TRUST_PROXY: 'TRUE',
      DAMPINGI_JOIN_RATE_PER_ADDRESS: '20',
      DAMPINGI_JOIN_RATE_PER_LINK: '60',
      DAMPINGI_GUESTS_PER_LINK: '0',
    });
    expect(result.ok && result.config).toMatchObject({
      metricsToken: 'rahasia-metrik-0123456789',
      metricsPort: 9464,
      extensionOrigins: [chrome, 'moz-extension://0d3c2b1a-1111-2222-3333-444455556666'],
      trustProxy: true,
      joinLimits: { perAddressPerMinute: 20, guestJoinsPerLinkPerHour: 60, guestsPerLink: 0 },
    });
    const wrong = configFromEnv({
      DAMPINGI_METRICS_TOKEN: 'rahasia',
      DAMPINGI_EXTENSION_ORIGINS: 'https://evil.example',
      DAMPINGI_TRUST_PROXY: 'mungkin',
    });
    const message = wrong.ok ? '' : wrong.message;
    expect(message).toContain('DAMPINGI_METRICS_TOKEN: must be at least 16 characters');
    expect(message).not.toContain('rahasia');
    expect(message).toContain('DAMPINGI_EXTENSION_ORIGINS');
    expect(message).toContain('DAMPINGI_TRUST_PROXY: must be true or false');
    const samePort = configFromEnv({ DAMPINGI_METRICS_PORT: '8787' });
    expect(!samePort.ok && samePort.message).toContain('DAMPINGI_METRICS_PORT: must differ from DAMPINGI_PORT');
  });
});
