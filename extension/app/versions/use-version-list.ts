/** The draft's versions from the server, reloaded on demand (after a save or a restore). */
import { useCallback, useEffect, useState } from 'react';
import type { VersionInfo } from '../../../shared/versions/version-schema';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';

export interface VersionList {
  versions: VersionInfo[];
  loading: boolean;
  failure: { reason: ApiFailureReason; message: string } | null;
  reload(): void;
}

export function useVersionList(api: ApiClient, draftId: string): VersionList {
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<VersionList['failure']>(null);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` changes to ask for a reload.
  useEffect(() => {
    let current = true;
    setLoading(true);
    void api.versions(draftId).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) {
        setVersions(result.value);
        setFailure(null);
      } else {
        setFailure({ reason: result.reason, message: result.message });
      }
    });
    return () => {
      current = false;
    };
  }, [api, draftId, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { versions, loading, failure, reload };
}
