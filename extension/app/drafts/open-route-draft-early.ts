/**
 * When the address names a draft, its content and mentoring documents start opening as the page
 * starts (extension/sync/early-draft-open.ts), in parallel with the session check, so the draft
 * page finds them loaded from IndexedDB and connected instead of starting only after the check.
 */
import { roomKinds } from '../../../shared/protocol/rooms';
import type { AppSettings } from '../../settings/app-settings';
import { openDraftEarly } from '../../sync/early-draft-open';
import { routeOf } from '../common/page-route';
import { signOutPending } from '../session/sign-out';

/** `web`: the web app, where the session is the cookie (no token in the page). */
export function openRouteDraftEarly(win: Window, settings: AppSettings, web: boolean): void {
  const route = routeOf(win.location);
  if (route.page !== 'draft') return;
  // Nobody to open it for: the draft page will not show (a sign-out still to finish, no token).
  if (web ? signOutPending(win.localStorage, settings.serverUrl) : !settings.token) return;
  const token = web ? null : settings.token;
  for (const kind of roomKinds) {
    openDraftEarly({ serverUrl: settings.serverUrl, token, draftId: route.draftId, kind }, win.navigator.onLine);
  }
}
