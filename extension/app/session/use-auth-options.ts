/** What the sign-in page may offer on this server (set-up, email, school accounts), asked once. */
import { useEffect, useState } from 'react';
import type { AuthOptionsResponse } from '../../../shared/protocol/auth-api';
import type { ApiFailureReason } from '../../api/api-transport';
import type { AuthClient } from '../../api/auth-client';

export type AuthOptionsState =
  | { status: 'loading' }
  | { status: 'ready'; options: AuthOptionsResponse }
  | { status: 'failed'; problem: ApiFailureReason };

export function useAuthOptions(auth: AuthClient): [AuthOptionsState, () => void] {
  const [state, setState] = useState<AuthOptionsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again on purpose.
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void auth.options().then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', options: result.value } : { status: 'failed', problem: result.reason });
    });
    return () => {
      current = false;
    };
  }, [auth, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
