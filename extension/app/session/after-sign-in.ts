/**
 * Where to go once signed in: someone who opened a share link and chose to sign in first comes
 * back to that link (in this tab or the one their email link opens), within half an hour.
 */
import { z } from 'zod';

const KEY = 'dampingi.afterSignIn';
const TTL_MS = 30 * 60_000;
const SavedSchema = z.object({ path: z.string().max(2048), until: z.number() });

/** Only the editor page itself: never somewhere another site could name. */
function isLocalEditorPath(path: string): boolean {
  return /^\/?editor\.html(?:[?#].*)?$/.test(path);
}

export function rememberAfterSignIn(storage: Storage, path: string, now = Date.now()): void {
  if (isLocalEditorPath(path)) storage.setItem(KEY, JSON.stringify({ path, until: now + TTL_MS }));
}

export function takeAfterSignIn(storage: Storage, now = Date.now()): string | null {
  const raw = storage.getItem(KEY);
  storage.removeItem(KEY);
  try {
    const saved = SavedSchema.safeParse(JSON.parse(raw ?? 'null'));
    return saved.success && saved.data.until > now && isLocalEditorPath(saved.data.path) ? saved.data.path : null;
  } catch {
    return null;
  }
}

/** The same, left in place (a school sign-in takes it along; an email sign-in takes it at the end). */
export function peekAfterSignIn(storage: Storage, now = Date.now()): string | null {
  try {
    const saved = SavedSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return saved.success && saved.data.until > now && isLocalEditorPath(saved.data.path) ? saved.data.path : null;
  } catch {
    return null;
  }
}
