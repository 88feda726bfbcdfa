/**
 * What "Simpan" on the options page does with the server address and the connection field: only
 * the address (then pair from the web app), or connect with a pairing code, a sign-in link (its
 * own server address wins), an old `?token=` link or a token. Nothing is stored here.
 */
import { AppSettingsSchema } from '../settings/app-settings';
import { type Connected, type ConnectFailure, checkToken, pairWithCode, redeemSigninLink } from './connect-extension';
import { parsePastedConnection } from './pasted-connection';

export type OptionsRefusal = ConnectFailure | 'invalid-server' | 'not-understood' | 'link-without-secret';

export type OptionsOutcome =
  | { kind: 'address'; serverUrl: string }
  | { kind: 'connected'; connected: Connected }
  | { kind: 'refused'; reason: OptionsRefusal; serverUrl: string | null };

export async function connectFromOptions(
  serverInput: string,
  pastedInput: string,
  fetchImpl?: typeof fetch,
): Promise<OptionsOutcome> {
  const pasted = parsePastedConnection(pastedInput);
  if (pasted.kind === 'not-understood') {
    const reason = pasted.why === 'link-without-secret' ? 'link-without-secret' : 'not-understood';
    return { kind: 'refused', reason, serverUrl: null };
  }
  // A link names its server; otherwise the address field does.
  const linked = pasted.kind === 'signin-link' || pasted.kind === 'token-link' ? pasted.serverUrl : null;
  const serverUrl = (linked ?? serverInput).trim().replace(/\/+$/, '');
  if (!AppSettingsSchema.shape.serverUrl.safeParse(serverUrl).success) {
    return { kind: 'refused', reason: 'invalid-server', serverUrl: null };
  }
  const result =
    pasted.kind === 'empty'
      ? null
      : pasted.kind === 'pairing-code'
        ? await pairWithCode(serverUrl, pasted.code, fetchImpl)
        : pasted.kind === 'signin-link'
          ? await redeemSigninLink(serverUrl, pasted.secret, fetchImpl)
          : await checkToken(serverUrl, pasted.token, fetchImpl);
  if (result === null) return { kind: 'address', serverUrl };
  return result.ok ? { kind: 'connected', connected: result } : { kind: 'refused', reason: result.reason, serverUrl };
}
