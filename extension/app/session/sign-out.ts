/**
 * "Keluar" on a shared school computer: the session ends on the server (the token left behind is
 * worth nothing) and this browser forgets the drafts — their IndexedDB copies and the offline
 * cache. Done at the next start of the page, before any draft is opened, so no open database holds
 * the wipe back; a sign-out made offline is sent to the server at the first start that has a network.
 */
import { z } from 'zod';
import { apiPaths } from '../../../shared/protocol/api';
import { createAuthClient } from '../../api/auth-client';

/** Tokens (extension pages) or session ids (the web app's cookie) signed out here and not yet told to the server. */
const PendingSchema = z.object({
  tokens: z.array(z.string().max(2048)).max(20),
  sessionIds: z.array(z.string().max(64)).max(20).default([]),
});
type Pending = z.infer<typeof PendingSchema>;

function pendingKey(serverUrl: string): string {
  return `dampingi.signOut:${new URL(serverUrl).host}`;
}

/** Changes made in this browser that the server has not confirmed yet, over every draft (the offline cache's counts). */
/** A sign-out this browser asked for and the server has not heard of yet (it was offline). */
export function signOutPending(storage: Storage, serverUrl: string): boolean {
  return storage.getItem(pendingKey(serverUrl)) !== null;
}

export function unsentChanges(storage: Storage, serverUrl: string): number {
  const host = new URL(serverUrl).host;
  let total = 0;
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index) ?? '';
    if (!key.startsWith('dampingi.pending.') || !key.endsWith(`:${host}`)) continue;
    const count = Number(JSON.parse(storage.getItem(key) ?? '0'));
    if (Number.isInteger(count) && count > 0) total += count;
  }
  return total;
}

/**
 * Records the sign-out for the next start (which does the work); the caller then forgets the token
 * and reloads. The web app names its cookie's session instead (`sessionId`).
 */
export function requestSignOut(
  storage: Storage,
  serverUrl: string,
  signedOut: { token: string | null; sessionId: string | null },
): void {
  const known = readPending(storage, serverUrl);
  const add = (list: string[], value: string | null) =>
    value ? [...list.filter((each) => each !== value), value].slice(-20) : list;
  const next: Pending = {
    tokens: add(known.tokens, signedOut.token),
    sessionIds: add(known.sessionIds, signedOut.sessionId),
  };
  storage.setItem(pendingKey(serverUrl), JSON.stringify(next));
}

export interface SignOutDeps {
  win: Window;
  serverUrl: string;
  fetch: typeof fetch;
}

/**
 * At start, before anything opens a draft: wipes the drafts this browser kept for this server and
 * tells the server about every token signed out here. Tokens the server could not be told about
 * (offline) are kept for the next start; the wipe is not held back for them.
 */
export async function finishSignOut(deps: SignOutDeps): Promise<void> {
  const { win, serverUrl } = deps;
  const key = pendingKey(serverUrl);
  if (win.localStorage.getItem(key) === null) return;
  await forgetDrafts(win, serverUrl);
  const pending = readPending(win.localStorage, serverUrl);
  const left: Pending = { tokens: [], sessionIds: [] };
  for (const token of pending.tokens) {
    if (!(await endSessionOnServer(deps, token))) left.tokens.push(token);
  }
  const auth = createAuthClient(serverUrl, null, 'web', deps.fetch);
  for (const sessionId of pending.sessionIds) {
    const ended = await auth.signOut(sessionId);
    // Done unless the server could not be asked: a 401 means the cookie's session already ended.
    if (!ended.ok && ended.reason === 'network') left.sessionIds.push(sessionId);
  }
  if (left.tokens.length + left.sessionIds.length > 0) win.localStorage.setItem(key, JSON.stringify(left));
  else win.localStorage.removeItem(key);
}

function readPending(storage: Storage, serverUrl: string): Pending {
  try {
    const parsed = PendingSchema.safeParse(JSON.parse(storage.getItem(pendingKey(serverUrl)) ?? 'null'));
    return parsed.success ? parsed.data : { tokens: [], sessionIds: [] };
  } catch {
    return { tokens: [], sessionIds: [] };
  }
}

/** True once the server has the session ended (or never knew it); false while it cannot be reached. */
async function endSessionOnServer(deps: SignOutDeps, token: string): Promise<boolean> {
  try {
    const response = await deps.fetch(`${deps.serverUrl}${apiPaths.signOut}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    return response.ok || response.status === 401;
  } catch {
    return false;
  }
}

/** The drafts' IndexedDB copies (`dampingi:<host>:<room>`) and the offline cache (`dampingi.*:<host>`). */
async function forgetDrafts(win: Window, serverUrl: string): Promise<void> {
  const host = new URL(serverUrl).host;
  const databases = (await win.indexedDB.databases?.()) ?? [];
  const ours = databases.map((database) => database.name ?? '').filter((name) => name.startsWith(`dampingi:${host}:`));
  await Promise.all(ours.map((name) => deleteDatabase(win.indexedDB, name)));
  const keys: string[] = [];
  for (let index = 0; index < win.localStorage.length; index += 1) keys.push(win.localStorage.key(index) ?? '');
  for (const key of keys) {
    const cached = key.startsWith('dampingi.') && key.endsWith(`:${host}`) && !key.startsWith('dampingi.signOut:');
    if (cached) win.localStorage.removeItem(key);
  }
}

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    // Nothing holds it open at start; if something did, the browser finishes the deletion once it closes.
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}
