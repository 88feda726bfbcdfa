/**
 * The server's last answers (who I am, my drafts and my role in each, edits still waiting) kept in localStorage, so
 * the editor opens and explains itself without a network. Everything read back is validated.
 */
import { z } from 'zod';
import {
  type DraftInfo,
  DraftInfoSchema,
  type DraftListItem,
  DraftListItemSchema,
  type MeResponse,
  MeResponseSchema,
} from '../../../shared/protocol/api';

export interface OfflineCache {
  loadUser(token: string): MeResponse | null;
  saveUser(token: string, user: MeResponse): void;
  loadDrafts(): DraftListItem[] | null;
  saveDrafts(drafts: (DraftInfo & { openFeedback?: number })[]): void;
  /** When the last list was saved (ISO), for "last known state, as of …"; null if never or unknown. */
  loadDraftsSavedAt(): string | null;
  /** One draft as last seen (with the user's role), else its entry in the last list. */
  loadDraft(draftId: string): DraftInfo | null;
  saveDraft(draft: DraftInfo): void;
  loadPending(draftId: string): number;
  savePending(draftId: string, count: number): void;
}

const CachedUserSchema = z.object({ tokenHash: z.string(), user: MeResponseSchema });
// List items keep their open feedback counts, so the list says them offline too (0 in older caches).
const CachedDraftsSchema = z.array(DraftListItemSchema);
const PendingSchema = z.number().int().nonnegative();
const SavedAtSchema = z.iso.datetime();

/** Not a secret store: the hash only tells whether the cached user belongs to the current token. */
function tokenHash(token: string): string {
  let hash = 0;
  for (const char of token) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36);
}

export function offlineCache(storage: Storage, serverUrl: string): OfflineCache {
  const key = (name: string) => `dampingi.${name}:${new URL(serverUrl).host}`;

  function read<T>(name: string, schema: z.ZodType<T>): T | null {
    try {
      const parsed = schema.safeParse(JSON.parse(storage.getItem(key(name)) ?? 'null'));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  function write(name: string, value: unknown): void {
    try {
      storage.setItem(key(name), JSON.stringify(value));
    } catch (error) {
      // A full or disabled localStorage only costs the offline fallback, never the editing.
      console.warn('dampingi: could not write offline cache', name, error);
    }
  }

  return {
    loadUser(token) {
      const cached = read('me', CachedUserSchema);
      return cached && cached.tokenHash === tokenHash(token) ? cached.user : null;
    },
    saveUser: (token, user) => write('me', { tokenHash: tokenHash(token), user }),
    loadDrafts: () => read('drafts', CachedDraftsSchema),
    saveDrafts: (drafts) => {
      write('drafts', drafts);
      write('drafts.savedAt', new Date().toISOString());
    },
    loadDraftsSavedAt: () => read('drafts.savedAt', SavedAtSchema),
    loadDraft: (draftId) =>
      read(`draft.${draftId}`, DraftInfoSchema) ??
      read('drafts', CachedDraftsSchema)?.find((d) => d.id === draftId) ??
      null,
    saveDraft: (draft) => write(`draft.${draft.id}`, draft),
    loadPending: (draftId) => read(`pending.${draftId}`, PendingSchema) ?? 0,
    savePending: (draftId, count) => write(`pending.${draftId}`, count),
  };
}
