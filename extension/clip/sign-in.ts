/**
 * What "Simpan" on the options page decides: check the address and token with `/api/me`; save
 * when the server knows the token, or when it cannot be reached (offline set-up); never save a
 * token the server refused.
 */
import type { MessageKey } from '../../shared/i18n';
import { createApiClient } from '../api/api-client';
import { AppSettingsSchema } from '../settings/app-settings';

export type SignInCheck =
  | { outcome: 'signed-in'; save: true; serverUrl: string; token: string; name: string }
  | { outcome: 'unverified'; save: true; serverUrl: string; token: string; name: null }
  | { outcome: 'refused'; save: false; reasonKey: MessageKey; name?: undefined };

export async function checkSignIn(
  serverUrlInput: string,
  tokenInput: string,
  fetchImpl?: typeof fetch,
): Promise<SignInCheck> {
  const serverUrl = serverUrlInput.trim().replace(/\/+$/, '');
  const token = tokenInput.trim();
  if (!AppSettingsSchema.shape.serverUrl.safeParse(serverUrl).success) {
    return { outcome: 'refused', save: false, reasonKey: 'clip.options.invalidServerUrl' };
  }
  if (token === '' || !AppSettingsSchema.shape.token.safeParse(token).success) {
    return { outcome: 'refused', save: false, reasonKey: 'clip.options.tokenRequired' };
  }
  const me = await createApiClient(serverUrl, token, fetchImpl).me();
  if (me.ok) return { outcome: 'signed-in', save: true, serverUrl, token, name: me.value.name };
  if (me.reason === 'network') return { outcome: 'unverified', save: true, serverUrl, token, name: null };
  return { outcome: 'refused', save: false, reasonKey: `error.${me.reason}` };
}
