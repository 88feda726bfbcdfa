/**
 * Which screen the editor page shows (`?join=<secret>`, `?draft=<id>[&view=…]`, `?view=overview`,
 * `?view=account`, `?view=admin` or the home list), and the links between them.
 */

import { DraftIdSchema } from '../../../shared/model/ids';
import { JOIN_PARAM, ShareLinkSecretSchema } from '../../../shared/protocol/api';
import { SHARE_ID_PARAM, SHARE_NOT_KEPT, SHARE_PROBLEM_PARAM, SHARE_VIEW } from '../../../shared/protocol/share-target';

/**
 * What of a draft is shown: the media itself (editor and feedback), the classroom observation view
 * (phone-sized, for the try-out), the reflection, the follow-up plan, or the saved versions.
 */
export const draftViews = ['media', 'observe', 'reflect', 'plan', 'versions'] as const;
export type DraftView = (typeof draftViews)[number];

export type EditorRoute =
  | { page: 'home' }
  | { page: 'overview' }
  /** "Akun saya": name, address and the devices signed in. */
  | { page: 'account' }
  /** The admin page (administrators only; others are told so). */
  | { page: 'admin' }
  /** What a phone's share sheet sent (`shareId`: the share just kept; `notKept`: the server got it instead). */
  | { page: 'share'; shareId: string | null; notKept: boolean }
  /** Kotak klip: the account's clips waiting to be placed in a draft. */
  | { page: 'inbox' }
  | { page: 'draft'; draftId: string; view: DraftView }
  | { page: 'invalid-draft' }
  | { page: 'join'; secret: string }
  | { page: 'invalid-join' }
  /** The sign-in page on purpose: a guest keeping her account, or someone signing in before joining. */
  | { page: 'sign-in' };

export const EDITOR_PAGE = 'editor.html';

export function routeOf(location: Pick<Location, 'search'>): EditorRoute {
  const params = new URLSearchParams(location.search);
  // A share link wins over anything else in the address: joining is what its opener came for.
  const secret = params.get(JOIN_PARAM);
  if (secret !== null) {
    return ShareLinkSecretSchema.safeParse(secret).success ? { page: 'join', secret } : { page: 'invalid-join' };
  }
  const draft = params.get('draft');
  const view = params.get('view');
  if (draft === null || draft === '') {
    if (view === 'overview') return { page: 'overview' };
    if (view === 'account') return { page: 'account' };
    if (view === 'admin') return { page: 'admin' };
    if (view === 'inbox') return { page: 'inbox' };
    if (view === SHARE_VIEW) {
      const shareId = params.get(SHARE_ID_PARAM);
      const valid = shareId !== null && /^[0-9a-f-]{36}$/i.test(shareId);
      return {
        page: 'share',
        shareId: valid ? shareId : null,
        notKept: params.get(SHARE_PROBLEM_PARAM) === SHARE_NOT_KEPT,
      };
    }
    return view === 'sign-in' ? { page: 'sign-in' } : { page: 'home' };
  }
  if (!DraftIdSchema.safeParse(draft).success) return { page: 'invalid-draft' };
  // An unknown view (an older or newer link) still opens the draft.
  const known = (draftViews as readonly string[]).includes(view ?? '');
  return { page: 'draft', draftId: draft, view: known ? (view as DraftView) : 'media' };
}

/** Relative, so it works on the extension page and on the web page alike. */
export function draftHref(draftId: string, view: DraftView = 'media'): string {
  const base = `${EDITOR_PAGE}?draft=${encodeURIComponent(draftId)}`;
  return view === 'media' ? base : `${base}&view=${view}`;
}

/** The sign-in page, also for someone already in as a guest. */
export const SIGN_IN_HREF = `${EDITOR_PAGE}?view=sign-in`;

/** The mentor overview: every draft where I mentor, across teachers and workspaces. */
export const OVERVIEW_HREF = `${EDITOR_PAGE}?view=overview`;

/** "Akun saya": the person's sessions and "Keluar dari semua perangkat". */
export const ACCOUNT_HREF = `${EDITOR_PAGE}?view=account`;

/** Kotak klip, the clip inbox. */
export const INBOX_HREF = `${EDITOR_PAGE}?view=inbox`;

/** The share page, with every share kept on this device. */
export const SHARE_HREF = `${EDITOR_PAGE}?view=${SHARE_VIEW}`;

/** The admin page: accounts, workspaces, mentor assignments, storage. */
export const ADMIN_HREF = `${EDITOR_PAGE}?view=admin`;

/** The web address of a share link, opened in any browser; keeps a path prefix if the server has one. */
export function shareLinkUrl(serverUrl: string, secret: string): string {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return new URL(`${EDITOR_PAGE}?${JOIN_PARAM}=${encodeURIComponent(secret)}`, base).href;
}
