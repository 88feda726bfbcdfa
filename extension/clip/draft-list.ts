/**
 * How the panel lists the drafts to clip into: most recently changed first, narrowed by a search
 * that ignores case and accents, with the draft open in the active tab chosen first.
 */
import type { CachedDraft } from './clip-preferences';

const time = (iso: string | undefined): number => (iso ? Date.parse(iso) || 0 : 0);

/** Most recently changed first (a clip changes a draft too); same time: by title, then id. */
export function recentFirst(drafts: readonly CachedDraft[]): CachedDraft[] {
  return [...drafts].sort(
    (a, b) => time(b.updatedAt) - time(a.updatedAt) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
}

/** Lower case without diacritics, so "Pécahan" and "pecahan" read the same. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('id')
    .trim();
}

/** Drafts whose title, owner or workspace holds every word typed (in any order). */
export function matchingDrafts(drafts: readonly CachedDraft[], query: string): CachedDraft[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...drafts];
  return drafts.filter((draft) => {
    const haystack = searchable([draft.title, draft.ownerName ?? '', draft.workspaceName ?? ''].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The draft an editor page shows, `…/editor.html?draft=<id>`: on the extension's own editor or on
 * the web app of the server the extension is set to (other sites' addresses mean nothing here).
 */
export function draftOpenAt(tabUrl: string | null, editorOrigins: readonly string[]): string | null {
  if (!tabUrl) return null;
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return null;
  }
  if (!editorOrigins.includes(originOf(url)) || !url.pathname.endsWith('/editor.html')) return null;
  return url.searchParams.get('draft') || null;
}

/** Scheme and host; `URL.origin` is "null" for extension pages outside the browser. */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** The draft to preselect: the one open in the tab, else the last chosen, else the most recent. */
export function preselectedDraft(
  drafts: readonly CachedDraft[],
  wanted: { openDraftId: string | null; lastDraftId: string | null },
): string | null {
  for (const id of [wanted.openDraftId, wanted.lastDraftId]) {
    if (id && drafts.some((draft) => draft.id === id)) return id;
  }
  return recentFirst(drafts)[0]?.id ?? null;
}

export type ChangedAgo = { unit: 'minute' | 'hour' | 'day' | 'month' | 'year'; count: number } | 'now';

/** How long ago a draft changed, in the largest whole unit ("3 days"); under a minute is "now". */
export function changedAgo(updatedAt: string, now: number): ChangedAgo {
  const minutes = Math.floor((now - time(updatedAt)) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return { unit: 'minute', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hour', count: hours };
  const days = Math.floor(hours / 24);
  if (days < 30) return { unit: 'day', count: days };
  if (days < 365) return { unit: 'month', count: Math.floor(days / 30) };
  return { unit: 'year', count: Math.floor(days / 365) };
}
