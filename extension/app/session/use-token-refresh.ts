/** Once per page load: swaps a sign-in token past half its lifetime for a fresh one (see session-refresh.ts). */
import { useEffect, useRef } from 'react';
import type { ApiClient } from '../../api/api-client';
import type { AppSettingsStore } from '../../settings/app-settings';
import type { OfflineCache } from '../common/offline-cache';
import { refreshTokenIfDue } from './session-refresh';

export function useTokenRefresh(api: ApiClient, token: string | null, store: AppSettingsStore, cache: OfflineCache) {
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || !token) return;
    checked.current = true;
    void refreshTokenIfDue({ token, api, store, cache, now: new Date() });
  }, [api, token, store, cache]);
}
