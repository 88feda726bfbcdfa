/**
 * Sign-in secrets never stay in the address: a one-time link's `?signin=` (and a legacy
 * `?token=`) is taken out of the address bar and the history entry before anything else runs,
 * then exchanged by POST. `?signin-error=` (a school sign-in that came back refused) goes too,
 * once read.
 */
import {
  SIGNIN_ERROR_PARAM,
  SIGNIN_PARAM,
  type SigninError,
  SigninErrorSchema,
  SigninSecretSchema,
} from '../../../shared/protocol/auth-api';

export interface OneTimeParams {
  /** A one-time link's secret, when well-formed. */
  signin: string | null;
  /** A token from a link printed before one-time links existed. */
  legacyToken: string | null;
  signinError: SigninError | null;
}

const LEGACY_TOKEN_PARAM = 'token';
const MAX_TOKEN_LENGTH = 512;

export function takeOneTimeParams(win: Pick<Window, 'location' | 'history'>): OneTimeParams {
  const url = new URL(win.location.href);
  const read = (name: string) => {
    const value = url.searchParams.get(name);
    url.searchParams.delete(name);
    return value?.trim() ?? null;
  };
  const signin = read(SIGNIN_PARAM);
  const legacy = read(LEGACY_TOKEN_PARAM);
  const error = read(SIGNIN_ERROR_PARAM);
  if (signin !== null || legacy !== null || error !== null) {
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  const parsedError = SigninErrorSchema.safeParse(error);
  return {
    signin: signin && SigninSecretSchema.safeParse(signin).success ? signin : null,
    legacyToken: legacy && legacy.length <= MAX_TOKEN_LENGTH ? legacy : null,
    signinError: error === null ? null : parsedError.success ? parsedError.data : 'failed',
  };
}
