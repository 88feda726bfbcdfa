/**
 * The tab the panel clips from: the one named in `?tab=` (the popup opened as a tab), else the
 * active tab. The side panel stays open while the user moves between tabs, so it asks again at
 * every clip; the popup belongs to the tab it was opened on.
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { targetTabId } from '../clip/target-tab';

export function useTargetTab(search: string, followActiveTab: boolean) {
  const [tabId, setTabId] = useState<number | null>(null);

  useEffect(() => {
    targetTabId(search, browser.tabs).then(setTabId, (error: unknown) => console.error('panel: no target tab', error));
  }, [search]);

  const tabToClip = useCallback(
    async () => (followActiveTab ? targetTabId(search, browser.tabs) : tabId),
    [followActiveTab, search, tabId],
  );

  return { tabId, tabToClip };
}
