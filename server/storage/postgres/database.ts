/** Opens a PostgreSQL pool (timestamps as ISO strings, counts as numbers) and brings its schema up to date. */
import pg from 'pg';

export type PostgresPool = pg.Pool;
export type PostgresClient = pg.PoolClient;

/**
 * Each entry moves the schema one version up; never edit a shipped one, append a new one. v1 is the
 * SQLite schema as of its v3 (a PostgreSQL database starts there), plus what PostgreSQL needs:
 * `position` columns stand in for SQLite's rowid as the tie-break "created later", and every
 * document keeps its own update counter (`last_seq`), so seqs follow commit order per document.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    tokens_valid_from TIMESTAMPTZ NOT NULL,
    position BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
  );
  CREATE TABLE workspace_members (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX workspace_members_by_user ON workspace_members (user_id);
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES users(id),
    workspace_id TEXT REFERENCES workspaces(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    position BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL REFERENCES drafts(id),
    role TEXT NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
    secret_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    position BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX share_links_by_draft ON share_links (draft_id, created_at);
  CREATE TABLE draft_members (
    draft_id TEXT NOT NULL REFERENCES drafts(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
    via_link_id TEXT REFERENCES share_links(id),
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (draft_id, user_id)
  );
  CREATE INDEX draft_members_by_user ON draft_members (user_id);
  CREATE INDEX draft_members_by_link ON draft_members (via_link_id);
  CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    snapshot BYTEA,
    updated_at TIMESTAMPTZ NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE document_updates (
    name TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (name, seq)
  );
  `,
  // v2 (SQLite v4): the mentoring cycle. Drafts have a media kind (from their template) and a summary
  // of their feedback document for the overviews (NULL until first computed; \`summary_seq\` is the
  // update it was computed at, so a late write never replaces a newer one); workspaces keep templates.
  `
  ALTER TABLE drafts ADD COLUMN media_kind TEXT NOT NULL DEFAULT 'blank';
  ALTER TABLE drafts ADD COLUMN summary TEXT;
  ALTER TABLE drafts ADD COLUMN summary_seq BIGINT;
  CREATE TABLE workspace_templates (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    media_kind TEXT NOT NULL,
    content_id TEXT NOT NULL,
    content_en TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    position BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX workspace_templates_by_workspace ON workspace_templates (workspace_id, created_at);
  `,
  // v3 (SQLite v5): saved versions of a draft's content: the whole Yjs state, gzip-compressed, or
  // (\`state_of\`) a reference to an earlier version of the same draft with identical content. One
  // version per stage move at most (\`stage_move_id\` is unique per draft; NULLs do not collide).
  `
  CREATE TABLE draft_versions (
    id TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL REFERENCES drafts(id),
    name TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('manual', 'stage', 'restore')),
    from_stage TEXT,
    to_stage TEXT,
    stage_move_id TEXT,
    restored_from TEXT REFERENCES draft_versions(id),
    created_by TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    byte_size INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    state BYTEA,
    state_of TEXT REFERENCES draft_versions(id),
    feedback_open INTEGER NOT NULL,
    feedback_resolved INTEGER NOT NULL,
    position BIGINT GENERATED ALWAYS AS IDENTITY,
    CHECK ((state IS NULL) <> (state_of IS NULL)),
    UNIQUE (draft_id, stage_move_id)
  );
  CREATE INDEX draft_versions_by_draft ON draft_versions (draft_id, created_at);
  `,
  // v4 (SQLite v6): sessions — every token names one, so signing out ends it on the server; guests
  // (joined by a link with only a name) are marked as such.
  `
  ALTER TABLE users ADD COLUMN guest BOOLEAN NOT NULL DEFAULT FALSE;
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('web', 'extension', 'link')),
    label TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    position BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX sessions_by_user ON sessions (user_id, created_at);
  `,
  // v5 (SQLite v7): signing in the way a school does — accounts with an email address (unique), administrators,
  // suspension; one-time codes (links, typed codes, pairing the extension), school accounts
  // (OpenID Connect identities), and which mentor accompanies which teacher.
  `
  ALTER TABLE users ADD COLUMN email TEXT;
  ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT FALSE;
  ALTER TABLE users ADD COLUMN suspended_at TIMESTAMPTZ;
  CREATE UNIQUE INDEX users_by_email ON users (email) WHERE email IS NOT NULL;
  -- Until v7 accounts were made from the command line by whoever ran the server: they administer it.
  UPDATE users SET is_admin = TRUE WHERE guest = FALSE;
  CREATE TABLE signin_codes (
    id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('email-signin', 'invite', 'draft-invite', 'setup', 'pairing', 'link')),
    secret_hash TEXT NOT NULL UNIQUE,
    short_hash TEXT,
    email TEXT,
    user_id TEXT REFERENCES users(id),
    draft_id TEXT REFERENCES drafts(id),
    role TEXT CHECK (role IS NULL OR role IN ('editor', 'commenter', 'viewer')),
    created_by TEXT REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    failed_attempts INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX signin_codes_by_email ON signin_codes (purpose, email, expires_at);
  CREATE TABLE identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (issuer, subject)
  );
  CREATE TABLE mentor_assignments (
    mentor_id TEXT NOT NULL REFERENCES users(id),
    teacher_id TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (mentor_id, teacher_id)
  );
  `,
  // v6 (SQLite v8): each account's clip inbox ("Kotak klip"): clips waiting to be placed in a draft,
  // one per (account, clipId), their JSON kept as sent with its SHA-256 (a repeat is recognised) and size.
  `
  CREATE TABLE inbox_clips (
    user_id TEXT NOT NULL REFERENCES users(id),
    clip_id TEXT NOT NULL,
    clip_json TEXT NOT NULL,
    json_hash TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    position BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (user_id, clip_id)
  );
  CREATE INDEX inbox_clips_by_user ON inbox_clips (user_id, received_at);
  `,
];

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 4_210_771;

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;

/** Per pool, not pg's global parsers: the API speaks ISO 8601 strings, and our counts and seqs fit a number. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID) {
      const parseDate = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text');
      return (value: string) => (parseDate(value) as Date).toISOString();
    }
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** The URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return '(unparseable database URL)';
  }
}

export interface OpenPoolOptions {
  url: string;
  /** An idle pooled connection failed (e.g. the server restarted); the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

export async function openPool(options: OpenPoolOptions): Promise<PostgresPool> {
  const pool = new pg.Pool({ connectionString: options.url, types, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL at ${describeDatabaseUrl(options.url)}: ${reason}`, { cause: error });
  }
  return pool;
}

async function migrate(pool: PostgresPool): Promise<void> {
  await inTransaction(pool, async (client) => {
    // Two processes starting together: the second waits here, then finds nothing left to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(`database schema v${current} is newer than this server (v${migrations.length}); update Dampingi`);
    }
    for (let version = current; version < migrations.length; version += 1) {
      await client.query(migrations[version] as string);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
    }
  });
}

/** Runs `work` in one transaction on one pooled connection; rolls back if it throws. */
export async function inTransaction<T>(pool: PostgresPool, work: (client: PostgresClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dropped from the pool rather than reused.
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** pg binds Buffers as bytea; this shares the memory instead of copying. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
