/**
 * Which screen the editor page shows (`?join=<secret>`, `?draft=<id>` or the home list), and the
 * links between them.
 */
import { DraftIdSchema, JOIN_PARAM, ShareLinkSecretSchema } from '../../shared/protocol/api';

export type EditorRoute =
  | { page: 'home' }
  | { page: 'draft'; draftId: string }
  | { page: 'invalid-draft' }
  | { page: 'join'; secret: string }
  | { page: 'invalid-join' };

export const EDITOR_PAGE = 'editor.html';

export function routeOf(location: Pick<Location, 'search'>): EditorRoute {
  const params = new URLSearchParams(location.search);
  // A share link wins over anything else in the address: joining is what its opener came for.
  const secret = params.get(JOIN_PARAM);
  if (secret !== null) {
    return ShareLinkSecretSchema.safeParse(secret).success ? { page: 'join', secret } : { page: 'invalid-join' };
  }
  const draft = params.get('draft');
  if (draft === null || draft === '') return { page: 'home' };
  return DraftIdSchema.safeParse(draft).success ? { page: 'draft', draftId: draft } : { page: 'invalid-draft' };
}

/** Relative, so it works on the extension page and on the web page alike. */
export function draftHref(draftId: string): string {
  return `${EDITOR_PAGE}?draft=${encodeURIComponent(draftId)}`;
}

/** The web address of a share link, opened in any browser; keeps a path prefix if the server has one. */
export function shareLinkUrl(serverUrl: string, secret: string): string {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return new URL(`${EDITOR_PAGE}?${JOIN_PARAM}=${encodeURIComponent(secret)}`, base).href;
}
