/** The user's drafts from the server, or the last list seen when the server cannot be reached. */
import { useEffect, useState } from 'react';
import type { DraftListItem } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';
import type { OfflineCache } from '../common/offline-cache';

export type DraftList =
  | { status: 'loading' }
  | { status: 'fresh'; drafts: DraftListItem[] }
  /**
   * The server could not be asked; `drafts` is the cached list (or null if there is none), saved at
   * `savedAt` (null when the cache predates that record).
   */
  | { status: 'stale'; drafts: DraftListItem[] | null; savedAt: string | null; problem: ApiFailureReason };

export function useDraftList(api: ApiClient, cache: OfflineCache): DraftList {
  const [list, setList] = useState<DraftList>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api.listDrafts().then((result) => {
      if (!current) return;
      if (result.ok) {
        cache.saveDrafts(result.value);
        setList({ status: 'fresh', drafts: result.value });
      } else {
        if (result.reason !== 'network') console.warn('dampingi: could not list drafts', result);
        setList({
          status: 'stale',
          drafts: cache.loadDrafts(),
          savedAt: cache.loadDraftsSavedAt(),
          problem: result.reason,
        });
      }
    });
    return () => {
      current = false;
    };
  }, [api, cache]);
  return list;
}
