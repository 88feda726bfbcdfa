/**
 * The default storage: one SQLite file `<dataDir>/dampingi.sqlite` holding documents, drafts, members,
 * share links, users, workspaces and their templates, versions of drafts, and each account's clip inbox.
 */
import type { SqliteSynchronous } from '../../config';
import type { Storage } from '../storage';
import { openDatabase } from './database';
import { createSqliteAssignmentStore, createSqliteIdentityStore, createSqliteSigninCodeStore } from './sqlite-accounts';
import { createSqliteDocumentStore } from './sqlite-documents';
import { createSqliteDraftStore } from './sqlite-drafts';
import { createSqliteInboxStore } from './sqlite-inbox';
import { createSqliteMemberStore, createSqliteShareLinkStore } from './sqlite-members';
import { createSqliteSessionStore } from './sqlite-sessions';
import { createSqliteTemplateStore } from './sqlite-templates';
import { createSqliteUserStore } from './sqlite-users';
import { createSqliteVersionStore } from './sqlite-versions';
import { createSqliteWorkspaceStore } from './sqlite-workspaces';

export interface SqliteStorageOptions {
  dataDir: string;
  synchronous: SqliteSynchronous;
  /** Group commit window in ms (0: every update of one event-loop turn in one transaction). */
  commitWindowMs?: number;
  /** ISO 8601 clock; tests pin it. */
  now?: () => string;
}

export function openSqliteStorage(options: SqliteStorageOptions): Storage {
  const db = openDatabase(options);
  const now = options.now ?? (() => new Date().toISOString());
  const documents = createSqliteDocumentStore(db, now, options.commitWindowMs ?? 0, options.synchronous);
  return {
    kind: 'sqlite',
    documents,
    drafts: createSqliteDraftStore(db, now),
    members: createSqliteMemberStore(db, now),
    shareLinks: createSqliteShareLinkStore(db, now),
    users: createSqliteUserStore(db, now),
    sessions: createSqliteSessionStore(db, now),
    signinCodes: createSqliteSigninCodeStore(db, now),
    identities: createSqliteIdentityStore(db, now),
    assignments: createSqliteAssignmentStore(db, now),
    workspaces: createSqliteWorkspaceStore(db, now),
    templates: createSqliteTemplateStore(db, now),
    versions: createSqliteVersionStore(db, now),
    inbox: createSqliteInboxStore(db, now),
    close: async () => {
      if (!db.open) return;
      documents.flushPending();
      try {
        await documents.whenDurable();
      } finally {
        documents.close();
        // Folds the WAL back into the main file so a copied data dir is complete on its own.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}
