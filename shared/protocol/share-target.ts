/**
 * The web app as a Web Share Target: a phone's share sheet posts a multipart form to
 * SHARE_TARGET_PATH; the service worker (extension/public/web-sw.js, plain JS, which repeats these
 * names) keeps it on the phone and sends the person to the share page. Before the worker is
 * installed, the server answers the same POST (server/http/share-target-fallback.ts).
 */

export const SHARE_TARGET_PATH = '/share-target';

/** The form fields the manifest's `share_target.params` names. */
export const shareFormFields = { title: 'title', text: 'text', url: 'url', files: 'files' } as const;

/** The share page: `?view=share`, with `share=<id>` naming the share just kept. */
export const SHARE_VIEW = 'share';
export const SHARE_ID_PARAM = 'share';
/** Set by the server (no service worker yet): the share could not be kept on the phone. */
export const SHARE_PROBLEM_PARAM = 'share-problem';
export const SHARE_NOT_KEPT = 'not-kept';

/** IndexedDB where the service worker keeps shares until they are sent (one record per share). */
export const SHARE_DATABASE = 'dampingi-shares';
export const SHARE_STORE = 'shares';
