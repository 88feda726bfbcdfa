/** The user commands behind `npm run user`, as functions: create a user (printing its token once) and list users. */

import { createUserAccount } from '../auth/user-accounts';
import type { SqliteSynchronous } from '../config';
import { EDITOR_PAGE } from '../http/static-files';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage';
import type { UserRecord } from '../storage/storage';

export interface UserCommandOptions {
  dataDir: string;
  sqliteSynchronous?: SqliteSynchronous;
}

export interface CreatedUser {
  id: string;
  name: string;
  /** Shown once; only its hash is stored. */
  token: string;
}

export type AddUserResult = { ok: true; user: CreatedUser } | { ok: false; message: string };

async function withStorage<T>(
  options: UserCommandOptions,
  work: (storage: ReturnType<typeof openSqliteStorage>) => Promise<T>,
): Promise<T> {
  // Safe while the server runs: SQLite in WAL mode lets this second connection write.
  const storage = openSqliteStorage({ dataDir: options.dataDir, synchronous: options.sqliteSynchronous ?? 'FULL' });
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}

export async function addUser(options: UserCommandOptions, name: string): Promise<AddUserResult> {
  return withStorage(options, async (storage) => {
    const created = await createUserAccount(storage.users, name);
    if (!created.ok) return { ok: false, message: created.message };
    return { ok: true, user: { id: created.user.id, name: created.user.name, token: created.token } };
  });
}

export async function listUsers(options: UserCommandOptions): Promise<UserRecord[]> {
  return withStorage(options, (storage) => storage.users.listUsers());
}

/** The link that signs a user in to the web editor (the page keeps the token and removes it from the URL). */
export function signInLink(baseUrl: string, token: string): string {
  return `${baseUrl}${EDITOR_PAGE}?token=${encodeURIComponent(token)}`;
}
