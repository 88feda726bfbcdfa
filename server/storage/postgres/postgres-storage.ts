/**
 * Scale-out storage: documents, drafts, members, share links, users, workspaces and their templates
 * versions of drafts and each account's clip inbox in one PostgreSQL database.
 */
import type { Storage } from '../storage';
import { openPool } from './database';
import {
  createPostgresAssignmentStore,
  createPostgresIdentityStore,
  createPostgresSigninCodeStore,
} from './postgres-accounts';
import { createPostgresDocumentStore } from './postgres-documents';
import { createPostgresDraftStore } from './postgres-drafts';
import { createPostgresInboxStore } from './postgres-inbox';
import { createPostgresMemberStore, createPostgresShareLinkStore } from './postgres-members';
import { createPostgresSessionStore } from './postgres-sessions';
import { createPostgresTemplateStore } from './postgres-templates';
import { createPostgresUserStore } from './postgres-users';
import { createPostgresVersionStore } from './postgres-versions';
import { createPostgresWorkspaceStore } from './postgres-workspaces';

export interface PostgresStorageOptions {
  /** Only stored to connect; messages name its host and database, never its password. */
  url: string;
  /** ISO 8601 clock; tests pin it. */
  now?: () => string;
  /** An idle pooled connection failed (the pool replaces it); log it. */
  onIdleError?: (error: Error) => void;
}

/** Connects and migrates; rejects with a message naming the host (not the password) when that fails. */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const pool = await openPool(options);
  const now = options.now ?? (() => new Date().toISOString());
  const documents = createPostgresDocumentStore(pool, now);
  let closed: Promise<void> | null = null;
  return {
    kind: 'postgres',
    documents,
    drafts: createPostgresDraftStore(pool, now),
    members: createPostgresMemberStore(pool, now),
    shareLinks: createPostgresShareLinkStore(pool, now),
    users: createPostgresUserStore(pool, now),
    sessions: createPostgresSessionStore(pool, now),
    signinCodes: createPostgresSigninCodeStore(pool, now),
    identities: createPostgresIdentityStore(pool, now),
    assignments: createPostgresAssignmentStore(pool, now),
    workspaces: createPostgresWorkspaceStore(pool, now),
    templates: createPostgresTemplateStore(pool, now),
    versions: createPostgresVersionStore(pool, now),
    inbox: createPostgresInboxStore(pool, now),
    close: () => {
      closed ??= documents.drainAll().then(() => pool.end());
      return closed;
    },
  };
}
