/**
 * What a browser does with the web app's cookies, for tests in Node: it keeps what `Set-Cookie`
 * says, sends the cookies back with its page's Origin, and copies the CSRF cookie into the header
 * the page's script sends on changes.
 */
import { WebSocket } from 'ws';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../../shared/protocol/auth-api';
import { syncUrl } from '../../../shared/protocol/rooms';
import { nextEvent } from './wait-for';

export interface BrowserSession {
  /** Raw `Set-Cookie` lines of the last answer that set any. */
  readonly lastSetCookie: string[];
  cookie(name: string): string | null;
  /** A fetch from this browser's page at `origin` (default: the server's own). */
  request(path: string, init?: { method?: string; body?: unknown; origin?: string; csrf?: boolean }): Promise<Response>;
  /** POST of JSON from the page, with the CSRF header. */
  post(path: string, body?: unknown): Promise<Response>;
  /** An open sync socket with this browser's cookie; resolves once open, with its close. */
  openSocket(room: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }>;
}

export function browserSession(serverUrl: () => string): BrowserSession {
  const jar = new Map<string, string>();
  let lastSetCookie: string[] = [];

  function cookieHeader(): string {
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  function keep(response: Response): void {
    const lines = response.headers.getSetCookie();
    if (lines.length === 0) return;
    lastSetCookie = lines;
    for (const line of lines) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  const session: BrowserSession = {
    get lastSetCookie() {
      return lastSetCookie;
    },
    cookie: (name) => jar.get(name) ?? null,
    async request(path, init = {}) {
      const headers: Record<string, string> = { origin: init.origin ?? serverUrl() };
      if (jar.size > 0) headers.cookie = cookieHeader();
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const csrf = jar.get(CSRF_COOKIE);
      if (init.csrf !== false && csrf) headers[CSRF_HEADER] = decodeURIComponent(csrf);
      const response = await fetch(`${serverUrl()}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      keep(response);
      return response;
    },
    post: (path, body = {}) => session.request(path, { method: 'POST', body }),
    async openSocket(room) {
      if (!jar.has(SESSION_COOKIE)) throw new Error('this browser has no session cookie');
      const ws = new WebSocket(`${syncUrl(serverUrl())}/${room}`, {
        headers: { cookie: cookieHeader(), origin: serverUrl() },
      });
      const closed = nextEvent<{ code: number; reason: string }>(
        (listener) => ws.once('close', (code, reason) => listener({ code, reason: reason.toString() })),
        'the socket to close',
        60_000,
      );
      closed.catch(() => {});
      await nextEvent((listener) => ws.once('open', listener), 'the socket to open');
      return { ws, closed };
    },
  };
  return session;
}
