/** Opens the SQLite file (WAL, chosen durability) and brings its schema up to date with numbered migrations. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteSynchronous } from '../../config';

export type SqliteDatabase = Database.Database;

export const SQLITE_FILE_NAME = 'dampingi.sqlite';

/**
 * Each entry moves the schema one version up; never edit a shipped one, append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    snapshot BLOB,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE document_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX document_updates_by_name ON document_updates (name, seq);
  `,
  // v2: signed tokens replace stored token hashes (a user may revoke every token issued before a
  // time); drafts gain members with roles and share links that grant a role.
  `
  CREATE TABLE users_v2 (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    tokens_valid_from TEXT NOT NULL
  );
  INSERT INTO users_v2 (id, name, created_at, tokens_valid_from) SELECT id, name, created_at, created_at FROM users;
  DROP TABLE users;
  ALTER TABLE users_v2 RENAME TO users;
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL REFERENCES drafts(id),
    role TEXT NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
    secret_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX share_links_by_draft ON share_links (draft_id, created_at);
  CREATE TABLE draft_members (
    draft_id TEXT NOT NULL REFERENCES drafts(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
    via_link_id TEXT REFERENCES share_links(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (draft_id, user_id)
  );
  CREATE INDEX draft_members_by_user ON draft_members (user_id);
  CREATE INDEX draft_members_by_link ON draft_members (via_link_id);
  -- Until v2 every user could open every draft; keep that access as it was, owners as owners.
  INSERT INTO draft_members (draft_id, user_id, role, via_link_id, added_at)
    SELECT d.id, u.id, CASE WHEN u.id = d.owner_id THEN 'owner' ELSE 'editor' END, NULL, d.created_at
    FROM drafts d CROSS JOIN users u;
  `,
  // v3: workspaces (e.g. one school's teacher community) that users belong to and drafts may sit in.
  `
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE workspace_members (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX workspace_members_by_user ON workspace_members (user_id);
  ALTER TABLE drafts ADD COLUMN workspace_id TEXT REFERENCES workspaces(id);
  `,
  // v4: the mentoring cycle. Drafts have a media kind (from their template) and a summary of their
  // feedback document for the overviews (NULL until first computed; \`summary_seq\` is the update it
  // was computed at, so a late write never replaces a newer one); workspaces keep their own templates.
  `
  ALTER TABLE drafts ADD COLUMN media_kind TEXT NOT NULL DEFAULT 'blank';
  ALTER TABLE drafts ADD COLUMN summary TEXT;
  ALTER TABLE drafts ADD COLUMN summary_seq INTEGER;
  CREATE TABLE workspace_templates (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    media_kind TEXT NOT NULL,
    content_id TEXT NOT NULL,
    content_en TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX workspace_templates_by_workspace ON workspace_templates (workspace_id, created_at);
  `,
  // v5: saved versions of a draft's content: the whole Yjs state, gzip-compressed, or (\`state_of\`)
  // a reference to an earlier version of the same draft with identical content. One version per
  // stage move at most (\`stage_move_id\` is unique per draft; NULLs do not collide).
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
    created_at TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    state BLOB,
    state_of TEXT REFERENCES draft_versions(id),
    feedback_open INTEGER NOT NULL,
    feedback_resolved INTEGER NOT NULL,
    CHECK ((state IS NULL) <> (state_of IS NULL)),
    UNIQUE (draft_id, stage_move_id)
  );
  CREATE INDEX draft_versions_by_draft ON draft_versions (draft_id, created_at);
  `,
  // v6: sessions — every token names one, so signing out ends it on the server; guests (joined by a
  // link with only a name) are marked as such.
  `
  ALTER TABLE users ADD COLUMN guest INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('web', 'extension', 'link')),
    label TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX sessions_by_user ON sessions (user_id, created_at);
  `,
  // v7: signing in the way a school does — accounts with an email address (unique), administrators,
  // suspension; one-time codes (links, typed codes, pairing the extension), school accounts
  // (OpenID Connect identities), and which mentor accompanies which teacher.
  `
  ALTER TABLE users ADD COLUMN email TEXT;
  ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN suspended_at TEXT;
  CREATE UNIQUE INDEX users_by_email ON users (email) WHERE email IS NOT NULL;
  -- Until v7 accounts were made from the command line by whoever ran the server: they administer it.
  UPDATE users SET is_admin = 1 WHERE guest = 0;
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
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX signin_codes_by_email ON signin_codes (purpose, email, expires_at);
  CREATE TABLE identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (issuer, subject)
  );
  CREATE TABLE mentor_assignments (
    mentor_id TEXT NOT NULL REFERENCES users(id),
    teacher_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (mentor_id, teacher_id)
  );
  `,
  // v8: each account's clip inbox ("Kotak klip"): clips waiting to be placed in a draft, one per
  // (account, clipId), their JSON kept as sent with its SHA-256 (a repeat is recognised) and size.
  `
  CREATE TABLE inbox_clips (
    user_id TEXT NOT NULL REFERENCES users(id),
    clip_id TEXT NOT NULL,
    clip_json TEXT NOT NULL,
    json_hash TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (user_id, clip_id)
  );
  CREATE INDEX inbox_clips_by_user ON inbox_clips (user_id, received_at);
  `,
];

export interface OpenDatabaseOptions {
  dataDir: string;
  synchronous: SqliteSynchronous;
}

export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(join(options.dataDir, SQLITE_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  // The user CLI writes while the server runs; wait for the other writer instead of failing.
  db.pragma('busy_timeout = 5000');
  // Off while migrating: a migration that rebuilds a table (SQLite's way to drop a constraint)
  // would otherwise trip over the rows that point at it; checked in full right after.
  db.pragma('foreign_keys = OFF');
  migrate(db);
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`database has ${broken.length} broken references after migrating`);
  db.pragma('foreign_keys = ON');
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > migrations.length) {
    throw new Error(`database schema v${current} is newer than this server (v${migrations.length}); update Dampingi`);
  }
  const upgrade = db.transaction(() => {
    for (let version = current; version < migrations.length; version += 1) {
      db.exec(migrations[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  // IMMEDIATE takes the write lock first, so a CLI and a server starting together do not both migrate.
  upgrade.immediate();
}

/** better-sqlite3 binds Buffers, not plain Uint8Arrays; this shares the memory instead of copying. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
