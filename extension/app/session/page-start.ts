/**
 * What happens before the first screen: a one-time link in the address is taken out and
 * exchanged for a session (the web app's cookie, or the extension page's token); a web token
 * from before cookies moves into the cookie; a school sign-in that came back refused is noted.
 * The screen then starts with the session settled, or with the step the person still has to take.
 */
import type { SigninError } from '../../../shared/protocol/auth-api';
import type { ApiFailureReason } from '../../api/api-transport';
import { createAuthClient } from '../../api/auth-client';
import {
  type AppSettings,
  type AppSettingsStore,
  forgetLegacyWebToken,
  legacyWebToken,
} from '../../settings/app-settings';
import { draftHref } from '../common/page-route';
import { takeAfterSignIn } from './after-sign-in';
import { takeOneTimeParams } from './one-time-params';

export type SignInStep =
  /** A code proved a new address: the account needs a name (SignupRequest). */
  | { kind: 'needs-name'; email: string; ticket: string }
  /** A link or a school sign-in did not work; the sign-in page says why. */
  | { kind: 'problem'; reason: ApiFailureReason | `signin-${SigninError}` };

export interface PageStart {
  settings: AppSettings;
  step: SignInStep | null;
  /** Signed in by a link that names somewhere to go (a draft invitation, a share link being joined). */
  goTo: string | null;
}

export async function startPage(deps: {
  win: Window;
  store: AppSettingsStore;
  fetch: typeof fetch;
}): Promise<PageStart> {
  const { win, store } = deps;
  const params = takeOneTimeParams(win);
  let settings = await store.load();
  const web = !store.serverIsConfigurable;
  if (web) await moveLegacyToken(deps, settings.serverUrl, params.legacyToken);
  else if (params.legacyToken) settings = await store.save({ token: params.legacyToken });

  let step: SignInStep | null = params.signinError ? { kind: 'problem', reason: `signin-${params.signinError}` } : null;
  let goTo: string | null = null;
  if (params.signin) {
    const auth = createAuthClient(settings.serverUrl, null, web ? 'web' : 'extension', deps.fetch);
    const redeemed = await auth.redeem(params.signin);
    if (!redeemed.ok) step = { kind: 'problem', reason: redeemed.reason };
    else if (redeemed.value.status === 'needs-name') {
      step = { kind: 'needs-name', email: redeemed.value.email, ticket: redeemed.value.ticket };
    } else {
      if (redeemed.value.token) settings = await store.save({ token: redeemed.value.token.token });
      goTo = redeemed.value.draftId ? draftHref(redeemed.value.draftId) : takeAfterSignIn(win.localStorage);
    }
  }
  return { settings, step, goTo };
}

/** Once: the old token becomes the cookie; kept for the next start only while the server cannot be reached. */
async function moveLegacyToken(
  deps: { win: Window; fetch: typeof fetch },
  serverUrl: string,
  fromAddress: string | null,
): Promise<void> {
  const token = fromAddress ?? legacyWebToken(deps.win);
  if (!token) return;
  const moved = await createAuthClient(serverUrl, token, 'web', deps.fetch).cookieFromToken();
  if (moved.ok || moved.reason !== 'network') forgetLegacyWebToken(deps.win);
}
