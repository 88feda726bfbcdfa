/**
 * The tab the panel clips from: the one named in `?tab=` (the popup opened as a tab), else the
 * active tab. The side panel stays open while the user moves between tabs, so it asks again at
 * every clip; the popup belongs to the tab it was opened on. Its address says which draft is open there.
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { tabAddress, targetTabId } from '../clip/target-tab';

export function useTargetTab(search: string, followActiveTab: boolean) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [tabUrl, setTabUrl] = useState<string | null>(null);

  useEffect(() => {
    const look = () =>
      targetTabId(search, browser.tabs).then(
        async (id) => {
          setTabId(id);
          setTabUrl(id === null ? null : await tabAddress(id, browser.tabs));
        },
        (error: unknown) => console.error('panel: no target tab', error),
      );
    void look();
    if (!followActiveTab) return;
    // The side panel stays open: another tab brought forward, or a new address in one, may show another draft.
    const onActivated = () => void look();
    const onUpdated = (_tabId: number, change: { url?: string }) => {
      if (change.url !== undefined) void look();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [search, followActiveTab]);

  const tabToClip = useCallback(
    async () => (followActiveTab ? targetTabId(search, browser.tabs) : tabId),
    [followActiveTab, search, tabId],
  );

  return { tabId, tabUrl, tabToClip };
}
