/**
 * One draft's details and the user's role in it, from the server, or as last seen on this device
 * (so a draft opened offline is still read-only for someone who may only comment or view).
 */
import { useEffect, useState } from 'react';
import type { DraftInfo } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';
import type { OfflineCache } from '../common/offline-cache';

export interface DraftInfoState {
  /** The server's answer, the cached one while asking or when it cannot be asked, or null. */
  info: DraftInfo | null;
  /** Why the server's answer is missing; null while loading or once it arrived. */
  problem: ApiFailureReason | null;
}

/** `asked` changes to fetch again (e.g. the owner raised the user's role); the cached info stays shown meanwhile. */
export function useDraftInfo(api: ApiClient, cache: OfflineCache, draftId: string, asked = 0): DraftInfoState {
  const [state, setState] = useState<DraftInfoState>(() => ({ info: cache.loadDraft(draftId), problem: null }));
  useEffect(() => {
    let current = true;
    if (asked === 0) setState({ info: cache.loadDraft(draftId), problem: null });
    void api.getDraft(draftId).then((result) => {
      if (!current) return;
      if (result.ok) {
        cache.saveDraft(result.value);
        setState({ info: result.value, problem: null });
      } else {
        if (result.reason !== 'network') console.warn('dampingi: could not load the draft', draftId, result);
        setState({ info: cache.loadDraft(draftId), problem: result.reason });
      }
    });
    return () => {
      current = false;
    };
  }, [api, cache, draftId, asked]);
  return state;
}
