/** React access to one live draft document (sync/live-draft.ts): opened on mount, closed on unmount. */
import { useEffect, useState } from 'react';
import type { RoomKind } from '../../../shared/protocol/rooms';
import { initialLiveDraftState, type LiveDraftState, openLiveDraft } from '../../sync/live-draft';
import type { OfflineCache } from './offline-cache';

export type DraftSession = LiveDraftState;

/** `kind`: the draft's content (default) or its feedback document. */
export function useDraftConnection(
  options: { serverUrl: string; token: string | null; draftId: string; kind?: RoomKind },
  win: Window,
  cache: OfflineCache,
): DraftSession {
  const { serverUrl, token, draftId, kind } = options;
  const [session, setSession] = useState<DraftSession>(initialLiveDraftState);

  useEffect(() => {
    const draft = openLiveDraft({ serverUrl, token, draftId, kind }, win, cache, setSession);
    return () => {
      draft.close();
      setSession(initialLiveDraftState);
    };
  }, [serverUrl, token, draftId, kind, win, cache]);

  return session;
}
