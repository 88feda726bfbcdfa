/** Names of the workspaces I belong to, for the overview's workspace filter (ids of others stay ids). */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';

const NONE: ReadonlyMap<string, string> = new Map();

export function useWorkspaceNames(api: ApiClient): ReadonlyMap<string, string> {
  const [names, setNames] = useState(NONE);
  useEffect(() => {
    let current = true;
    void api.me().then((result) => {
      if (!current) return;
      if (result.ok) setNames(new Map((result.value.workspaces ?? []).map(({ id, name }) => [id, name])));
      // Offline the list's own notice already says so; the filter then shows workspace ids.
      else if (result.reason !== 'network') console.warn('dampingi: could not read workspace names', result);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return names;
}
