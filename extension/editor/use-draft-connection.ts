/** React access to one live draft (sync/live-draft.ts): opened on mount, closed on unmount. */
import { useEffect, useState } from 'react';
import { initialLiveDraftState, type LiveDraftState, openLiveDraft } from '../sync/live-draft';
import type { OfflineCache } from './offline-cache';

export type DraftSession = LiveDraftState;

export function useDraftConnection(
  options: { serverUrl: string; token: string | null; draftId: string },
  win: Window,
  cache: OfflineCache,
): DraftSession {
  const { serverUrl, token, draftId } = options;
  const [session, setSession] = useState<DraftSession>(initialLiveDraftState);

  useEffect(() => {
    const draft = openLiveDraft({ serverUrl, token, draftId }, win, cache, setSession);
    return () => {
      draft.close();
      setSession(initialLiveDraftState);
    };
  }, [serverUrl, token, draftId, win, cache]);

  return session;
}
