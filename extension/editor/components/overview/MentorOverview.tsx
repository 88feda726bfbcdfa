/** Placeholder: the mentor overview (issue 8), filled in by its own change. */
import type { ApiClient } from '../../../api/api-client';
import type { OfflineCache } from '../../offline-cache';

export interface MentorOverviewProps {
  api: ApiClient;
  cache: OfflineCache;
  win: Window;
}

export function MentorOverview(_props: MentorOverviewProps) {
  return <main className="panel overview" />;
}
