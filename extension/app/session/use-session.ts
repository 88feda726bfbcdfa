/**
 * Who is signed in. The token — or, on the web, the session cookie — is checked with `GET /api/me`;
 * without a network the last user seen with it is trusted, so a draft opened before still opens offline.
 * With `cachedFirst` (a draft's address) that user is trusted while the check is on its way too, so
 * the draft shows from this browser's copy at once; the check's answer then confirms or signs out.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';
import type { OfflineCache } from '../common/offline-cache';

/** Stands for the web app's cookie where a token would be (the page never sees the cookie itself). */
export const COOKIE_SESSION = 'cookie-session';

export type Session =
  | { status: 'checking' }
  | { status: 'signed-out'; problem: ApiFailureReason | null }
  | { status: 'signed-in'; user: MeResponse; confirmed: boolean }
  | { status: 'unreachable'; problem: ApiFailureReason };

export function useSession(
  api: ApiClient,
  token: string | null,
  cache: OfflineCache,
  cachedFirst = false,
): [Session, () => void] {
  const [session, setSession] = useState<Session>(() => sessionWhileChecking(token, cache, cachedFirst));
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on purpose.
  useEffect(() => {
    if (!token) {
      setSession({ status: 'signed-out', problem: null });
      return;
    }
    let current = true;
    // The same unconfirmed user stays (no new object, so nothing below re-renders for it).
    setSession((previous) =>
      previous.status === 'signed-in' && !previous.confirmed && cachedFirst
        ? previous
        : sessionWhileChecking(token, cache, cachedFirst),
    );
    void api.me().then((result) => {
      if (!current) return;
      if (result.ok) {
        cache.saveUser(token, result.value);
        setSession({ status: 'signed-in', user: result.value, confirmed: true });
      } else if (result.reason === 'unauthorized' || result.reason === 'forbidden') {
        // On the web, "your session has ended" only for someone who was signed in on this browser: a
        // first visit (or one after signing out, which forgets the user) just shows the sign-in page.
        const wasSignedIn = token !== COOKIE_SESSION || cache.loadUser(token) !== null;
        setSession({
          status: 'signed-out',
          problem: wasSignedIn || result.reason === 'forbidden' ? result.reason : null,
        });
      } else {
        const known = cache.loadUser(token);
        if (result.reason !== 'network') console.warn('dampingi: could not check the token', result);
        setSession(
          known
            ? { status: 'signed-in', user: known, confirmed: false }
            : { status: 'unreachable', problem: result.reason },
        );
      }
    });
    return () => {
      current = false;
    };
  }, [api, token, cache, cachedFirst, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [session, retry];
}

function sessionWhileChecking(token: string | null, cache: OfflineCache, cachedFirst: boolean): Session {
  const known = cachedFirst && token ? cache.loadUser(token) : null;
  return known ? { status: 'signed-in', user: known, confirmed: false } : { status: 'checking' };
}
