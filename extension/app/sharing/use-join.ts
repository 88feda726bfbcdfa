/**
 * Redeeming a share link. Signed in: the user joins at once. Signed out: they give a name and get
 * a new guest account — its session in the web app's cookie, or its token kept by the extension's
 * page. Either way the draft opens next.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JoinResponse } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';

export type JoinState =
  | { status: 'idle' }
  | { status: 'joining' }
  | { status: 'joined' }
  | { status: 'failed'; problem: ApiFailureReason };

export function useJoin(
  api: ApiClient,
  secret: string,
  /** Null while it is not yet known whether someone is signed in; then never joins by itself. */
  signedIn: boolean | null,
  client: 'web' | 'extension',
  onJoined: (joined: JoinResponse) => Promise<void>,
): [JoinState, (name?: string) => void] {
  const [state, setState] = useState<JoinState>({ status: 'idle' });
  // One request per page: a re-render (e.g. when the new token is saved) must not join again.
  const started = useRef(false);

  const join = useCallback(
    (name?: string) => {
      if (started.current) return;
      started.current = true;
      setState({ status: 'joining' });
      void api.join(name === undefined ? { secret, client } : { secret, name, client }).then(async (result) => {
        if (!result.ok) {
          if (result.reason !== 'network') console.warn('dampingi: could not join through the link', result);
          started.current = false;
          setState({ status: 'failed', problem: result.reason });
          return;
        }
        setState({ status: 'joined' });
        await onJoined(result.value);
      });
    },
    [api, secret, client, onJoined],
  );

  useEffect(() => {
    if (signedIn) join();
  }, [signedIn, join]);

  return [state, join];
}
