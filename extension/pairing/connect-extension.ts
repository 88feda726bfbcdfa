/**
 * Connecting the extension to an account, by whichever way the person came: a pairing code (the
 * web app's "Hubungkan ekstensi", handed over by the bridge or typed), a one-time sign-in link
 * redeemed for an extension token, or a token checked with `/api/me`. The token is stored in the
 * extension's settings and never leaves the extension.
 */
import { authPaths, PairResponseSchema, SigninResponseSchema } from '../../shared/protocol/auth-api';
import type { PairingFailure } from '../../shared/protocol/pairing-messages';
import { type ApiFailureReason, createApiCall, post } from '../api/api-transport';
import type { ClipPreferences } from '../clip/clip-preferences';
import { checkSignIn } from '../clip/sign-in';
import { normalizeServerUrl } from '../outbox/outbox';
import type { AppSettingsStore } from '../settings/app-settings';

/** Why connecting failed: the bridge's reasons, plus those only the options page meets. */
export type ConnectFailure = PairingFailure | 'link-refused' | 'link-needs-browser' | 'token-refused';

/** `name` is null only for a token saved while the server could not be asked (offline set-up). */
export type Connected = { ok: true; serverUrl: string; token: string; name: string | null };
export type ConnectResult = Connected | { ok: false; reason: ConnectFailure };

/** As the settings keep it: no trailing slash (the outbox and the popup's memory normalise it their way). */
function plainServerUrl(serverUrl: string): string {
  return serverUrl.trim().replace(/\/+$/, '');
}

type ServerFailure = 'network' | 'rate-limited' | 'suspended' | 'server-error';

function failureOf<R extends ConnectFailure>(reason: ApiFailureReason, refused: R): R | ServerFailure {
  switch (reason) {
    case 'network':
      return 'network';
    case 'rate-limited':
      return 'rate-limited';
    case 'suspended':
      return 'suspended';
    case 'gone':
    case 'bad-request':
    case 'not-found':
    case 'unauthorized':
      return refused;
    default:
      return 'server-error';
  }
}

export async function pairWithCode(
  serverUrl: string,
  code: string,
  fetchImpl?: typeof fetch,
): Promise<Connected | { ok: false; reason: PairingFailure }> {
  const server = plainServerUrl(serverUrl);
  const reply = await createApiCall(server, null, fetchImpl).call(authPaths.pair, PairResponseSchema, post({ code }));
  if (!reply.ok) return { ok: false, reason: failureOf(reply.reason, 'code-refused') };
  return { ok: true, serverUrl: server, token: reply.value.token.token, name: reply.value.user.name };
}

/** A one-time sign-in link's secret, exchanged by POST for a token of the extension's own. */
export async function redeemSigninLink(
  serverUrl: string,
  secret: string,
  fetchImpl?: typeof fetch,
): Promise<ConnectResult> {
  const server = plainServerUrl(serverUrl);
  const reply = await createApiCall(server, null, fetchImpl).call(
    authPaths.redeem,
    SigninResponseSchema,
    post({ secret, client: 'extension' }),
  );
  if (!reply.ok) return { ok: false, reason: failureOf(reply.reason, 'link-refused') };
  // A new account must choose its name in the web app first; the link is spent, so say so.
  if (reply.value.status !== 'signed-in' || !reply.value.token) return { ok: false, reason: 'link-needs-browser' };
  return { ok: true, serverUrl: server, token: reply.value.token.token, name: reply.value.user.name };
}

/** A token given by hand (or in an old `?token=` link): kept when the server knows it, or cannot be asked. */
export async function checkToken(serverUrl: string, token: string, fetchImpl?: typeof fetch): Promise<ConnectResult> {
  const check = await checkSignIn(serverUrl, token, fetchImpl);
  if (check.outcome === 'signed-in')
    return { ok: true, serverUrl: check.serverUrl, token: check.token, name: check.name };
  if (check.outcome === 'unverified') return { ok: true, serverUrl: check.serverUrl, token: check.token, name: null };
  if (check.reasonKey === 'error.unauthorized') return { ok: false, reason: 'token-refused' };
  return { ok: false, reason: check.reasonKey === 'error.suspended' ? 'suspended' : 'server-error' };
}

/** Keeps the connection: the server, its token, and the name the popup shows while offline. */
export async function storeConnection(
  settings: AppSettingsStore,
  preferences: ClipPreferences,
  connected: Connected,
): Promise<void> {
  await settings.save({ serverUrl: connected.serverUrl, token: connected.token });
  await preferences.setSignedInAs(normalizeServerUrl(connected.serverUrl), connected.name);
}
