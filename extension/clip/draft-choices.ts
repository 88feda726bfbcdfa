/**
 * Who is signed in and which drafts the popup offers, from the server when it answers and from
 * the last saved copy when it does not (offline clipping still needs a target draft).
 */
import { can } from '../../shared/auth/roles';
import type { ApiClient, ApiFailureReason } from '../api/api-client';
import { normalizeServerUrl } from '../outbox/outbox';
import type { CachedDraft, ClipPreferences } from './clip-preferences';

export type DraftChoices =
  | { drafts: CachedDraft[]; source: 'server' }
  | { drafts: CachedDraft[]; source: 'saved'; reason: ApiFailureReason }
  | { drafts: null; source: 'none'; reason: ApiFailureReason };

export async function loadDraftChoices(
  api: ApiClient,
  preferences: ClipPreferences,
  serverUrl: string,
): Promise<DraftChoices> {
  const server = normalizeServerUrl(serverUrl);
  const listed = await api.listDrafts();
  if (listed.ok) {
    // A clip changes the content, so only drafts the user may edit are offered.
    const drafts = listed.value
      .filter((draft) => can(draft.role, 'edit-content'))
      .map(({ id, title }) => ({ id, title }));
    await preferences.setCachedDrafts(server, drafts);
    return { drafts, source: 'server' };
  }
  // A refused token must be fixed, not hidden behind an old list.
  const saved = listed.reason === 'unauthorized' ? null : await preferences.cachedDrafts(server);
  return saved
    ? { drafts: saved, source: 'saved', reason: listed.reason }
    : { drafts: null, source: 'none', reason: listed.reason };
}

export type Account = { name: string; verified: boolean } | { name: null; reason: ApiFailureReason };

export async function loadAccount(api: ApiClient, preferences: ClipPreferences, serverUrl: string): Promise<Account> {
  const server = normalizeServerUrl(serverUrl);
  const me = await api.me();
  if (me.ok) {
    await preferences.setSignedInAs(server, me.value.name);
    return { name: me.value.name, verified: true };
  }
  const saved = me.reason === 'network' ? await preferences.signedInAs(server) : null;
  return saved ? { name: saved, verified: false } : { name: null, reason: me.reason };
}

/** The draft to preselect: the last chosen one if still offered, else the first. */
export function preselectedDraft(drafts: CachedDraft[], lastDraftId: string | null): string | null {
  if (lastDraftId && drafts.some((draft) => draft.id === lastDraftId)) return lastDraftId;
  return drafts[0]?.id ?? null;
}
