/**
 * What a person pasted or typed into the options page's connection field: a pairing code from
 * "Hubungkan ekstensi", a one-time sign-in link (`…?signin=<secret>`, which also names the server),
 * an old-style link with `?token=`, or a bare token from the server's administrator.
 */
import { SIGNIN_PARAM, SigninSecretSchema } from '../../shared/protocol/auth-api';
import { PairingCodeSchema } from '../../shared/protocol/pairing-messages';
import { AppSettingsSchema } from '../settings/app-settings';

export type PastedConnection =
  | { kind: 'empty' }
  | { kind: 'pairing-code'; code: string }
  | { kind: 'signin-link'; serverUrl: string; secret: string }
  | { kind: 'token-link'; serverUrl: string; token: string }
  | { kind: 'token'; token: string }
  /** A link of ours without a usable secret, or text that is none of the above. */
  | { kind: 'not-understood'; why: 'link-without-secret' | 'unknown' };

const LEGACY_TOKEN_PARAM = 'token';
/** A token is one long word; anything shorter or with spaces is a mistyped code, not a token. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{20,512}$/;

function linkOf(text: string): URL | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

export function parsePastedConnection(input: string): PastedConnection {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  const link = linkOf(text);
  if (link) {
    // The server is the link's origin: the web app is served from the server's root.
    const serverUrl = link.origin;
    const secret = link.searchParams.get(SIGNIN_PARAM)?.trim() ?? '';
    if (SigninSecretSchema.safeParse(secret).success) return { kind: 'signin-link', serverUrl, secret };
    const token = link.searchParams.get(LEGACY_TOKEN_PARAM)?.trim() ?? '';
    if (token !== '' && AppSettingsSchema.shape.token.safeParse(token).success) {
      return { kind: 'token-link', serverUrl, token };
    }
    return { kind: 'not-understood', why: 'link-without-secret' };
  }
  const code = PairingCodeSchema.safeParse(text);
  if (code.success) return { kind: 'pairing-code', code: code.data };
  if (TOKEN_PATTERN.test(text)) return { kind: 'token', token: text };
  return { kind: 'not-understood', why: 'unknown' };
}
