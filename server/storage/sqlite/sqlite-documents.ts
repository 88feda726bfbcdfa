/** Yjs documents in SQLite: an append-only update log per document plus an optional compacted snapshot. */
import type { DocumentStore, StoredDocument } from '../storage';
import { type SqliteDatabase, toBuffer, toBytes } from './database';

export function createSqliteDocumentStore(db: SqliteDatabase, now: () => string): DocumentStore {
  const selectSnapshot = db.prepare<[string], { snapshot: Buffer | null }>(
    'SELECT snapshot FROM documents WHERE name = ?',
  );
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE name = ? ORDER BY seq',
  );
  const touchDocument = db.prepare<[string, string]>(
    `INSERT INTO documents (name, snapshot, updated_at) VALUES (?, NULL, ?)
     ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at`,
  );
  const insertUpdate = db.prepare<[string, Buffer]>('INSERT INTO document_updates (name, data) VALUES (?, ?)');
  const storeSnapshot = db.prepare<[string, Buffer, string]>(
    `INSERT INTO documents (name, snapshot, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET snapshot = excluded.snapshot`,
  );
  const deleteUpdatesUpTo = db.prepare<[string, number]>('DELETE FROM document_updates WHERE name = ? AND seq <= ?');

  const load = db.transaction((name: string): StoredDocument | null => {
    const row = selectSnapshot.get(name);
    const updates = selectUpdates.all(name).map(({ seq, data }) => ({ seq, update: toBytes(data) }));
    if (!row && updates.length === 0) return null;
    return { snapshot: row?.snapshot ? toBytes(row.snapshot) : null, updates };
  });
  const append = db.transaction((name: string, update: Uint8Array): number => {
    touchDocument.run(name, now());
    return Number(insertUpdate.run(name, toBuffer(update)).lastInsertRowid);
  });
  const compact = db.transaction((name: string, snapshot: Uint8Array, uptoSeq: number): void => {
    storeSnapshot.run(name, toBuffer(snapshot), now());
    deleteUpdatesUpTo.run(name, uptoSeq);
  });

  return {
    loadDocument: async (name) => load(name),
    appendUpdate: async (name, update) => append(name, update),
    replaceWithSnapshot: async (name, snapshot, uptoSeq) => compact(name, snapshot, uptoSeq),
  };
}
