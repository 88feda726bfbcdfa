/** Which screen the editor page shows (`?draft=<id>` or the home list), and the links between them. */
import { DraftIdSchema } from '../../shared/protocol/api';

export type EditorRoute = { page: 'home' } | { page: 'draft'; draftId: string } | { page: 'invalid-draft' };

export const EDITOR_PAGE = 'editor.html';

export function routeOf(location: Pick<Location, 'search'>): EditorRoute {
  const draft = new URLSearchParams(location.search).get('draft');
  if (draft === null || draft === '') return { page: 'home' };
  return DraftIdSchema.safeParse(draft).success ? { page: 'draft', draftId: draft } : { page: 'invalid-draft' };
}

/** Relative, so it works on the extension page and on the web page alike. */
export function draftHref(draftId: string): string {
  return `${EDITOR_PAGE}?draft=${encodeURIComponent(draftId)}`;
}

/** The web link a mentor without the extension opens; keeps a path prefix if the server has one. */
export function mentorLink(serverUrl: string, draftId: string): string {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return new URL(draftHref(draftId), base).href;
}
