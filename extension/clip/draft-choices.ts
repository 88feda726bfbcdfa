/**
 * Who is signed in and which drafts the popup offers, from the server when it answers and from
 * the last saved copy when it does not (offline clipping still needs a target draft).
 */
import { can } from '../../shared/auth/roles';
import type { DraftListItem } from '../../shared/protocol/api';
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
    const editable = listed.value.filter((draft) => can(draft.role, 'edit-content'));
    const workspaces = editable.some((draft) => draft.workspaceId) ? await workspaceNames(api) : new Map();
    const drafts = editable.map((draft) => cachedDraft(draft, workspaces));
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

function cachedDraft(draft: DraftListItem, workspaces: ReadonlyMap<string, string>): CachedDraft {
  const workspaceName = draft.workspaceId ? workspaces.get(draft.workspaceId) : undefined;
  return {
    id: draft.id,
    title: draft.title,
    ownerName: draft.ownerName,
    updatedAt: draft.updatedAt,
    ...(workspaceName ? { workspaceName } : {}),
  };
}

/** Names of the caller's workspaces; without them a draft is still listed, just without its workspace. */
async function workspaceNames(api: ApiClient): Promise<ReadonlyMap<string, string>> {
  const me = await api.me();
  return new Map(me.ok ? (me.value.workspaces ?? []).map(({ id, name }) => [id, name]) : []);
}
