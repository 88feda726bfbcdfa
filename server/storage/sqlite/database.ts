/** Opens the SQLite file (WAL, chosen durability) and brings its schema up to date with numbered migrations. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteSynchronous } from '../../config';

export type SqliteDatabase = Database.Database;

export const SQLITE_FILE_NAME = 'dampingi.sqlite';

/**
 * Each entry moves the schema one version up; never edit a shipped one, append a new one.
 * Drafts will gain a mentoring-cycle stage and summary columns, and a versions table, later.
 */
const migrations: readonly string[] = [
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
  db.pragma('foreign_keys = ON');
  // The user CLI writes while the server runs; wait for the other writer instead of failing.
  db.pragma('busy_timeout = 5000');
  migrate(db);
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
