/**
 * The three ways a signed-in person calls the API, for tests in Node: the web app (session cookie,
 * its page's Origin and the CSRF token), the extension (its own paired bearer token), and a bearer
 * token from the command line.
 */
import type { CreatedUser } from '../../../server/cli/user-commands';
import {
  authPaths,
  CSRF_COOKIE,
  CSRF_HEADER,
  PairingCodeResponseSchema,
  PairResponseSchema,
  SESSION_COOKIE,
} from '../../../shared/protocol/auth-api';

export interface ApiCaller {
  /** JSON in (when `body` is given), the raw answer out. */
  call(method: string, path: string, body?: unknown, options?: { csrf?: boolean }): Promise<Response>;
}

function jsonInit(method: string, headers: Record<string, string>, body: unknown): RequestInit {
  return {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

export function bearerCaller(serverUrl: () => string, token: string): ApiCaller {
  return {
    call: (method, path, body) =>
      fetch(`${serverUrl()}${path}`, jsonInit(method, { authorization: `Bearer ${token}` }, body)),
  };
}

/** The web app: the CLI token swapped once for the session cookie, as the app does for an old token. */
export async function webCaller(serverUrl: () => string, user: CreatedUser): Promise<ApiCaller> {
  const swapped = await fetch(`${serverUrl()}${authPaths.cookieFromToken}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, origin: serverUrl() },
  });
  if (!swapped.ok) throw new Error(`no session cookie: ${swapped.status}`);
  const cookies = new Map<string, string>();
  for (const line of swapped.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const session = cookies.get(SESSION_COOKIE);
  const csrf = cookies.get(CSRF_COOKIE);
  if (!session || !csrf) throw new Error('the session cookie or the CSRF cookie is missing');
  const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    call: (method, path, body, options = {}) =>
      fetch(
        `${serverUrl()}${path}`,
        jsonInit(
          method,
          {
            cookie,
            origin: serverUrl(),
            ...(options.csrf === false ? {} : { [CSRF_HEADER]: decodeURIComponent(csrf) }),
          },
          body,
        ),
      ),
  };
}

/** The extension: paired with a code the web app made ("Hubungkan ekstensi"), then its own token. */
export async function extensionCaller(serverUrl: () => string, user: CreatedUser): Promise<ApiCaller> {
  const made = await fetch(`${serverUrl()}${authPaths.pairingCodes}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}` },
  });
  const { code } = PairingCodeResponseSchema.parse(await made.json());
  const paired = await fetch(`${serverUrl()}${authPaths.pair}`, {
    method: 'POST',
    headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const { token } = PairResponseSchema.parse(await paired.json());
  return bearerCaller(serverUrl, token.token);
}
