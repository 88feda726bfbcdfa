/**
 * Who is signed in and which drafts the panel offers (from the server, or the last saved list when
 * offline), and the chosen draft, remembered for the next time and for the context menu.
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { createApiClient } from '../api/api-client';
import { clipPreferences } from '../clip/clip-preferences';
import {
  type Account,
  type DraftChoices,
  loadAccount,
  loadDraftChoices,
  preselectedDraft,
} from '../clip/draft-choices';
import type { AppSettings } from '../settings/app-settings';

const preferences = clipPreferences(browser.storage.local);

export interface DraftChoiceState {
  /** A token is saved and the server has not refused it. */
  signedIn: boolean;
  /** The server refused the saved token: its session was ended or expired. */
  sessionEnded: boolean;
  account: Account | null;
  /** null while loading. */
  choices: DraftChoices | null;
  draftId: string | null;
  chooseDraft: (draftId: string) => void;
}

export function useDraftChoices(settings: Pick<AppSettings, 'serverUrl' | 'token'>): DraftChoiceState {
  const { serverUrl, token } = settings;
  const hasToken = token !== null && token !== '';
  const [account, setAccount] = useState<Account | null>(null);
  const sessionEnded = hasToken && account?.name === null && account.reason === 'unauthorized';
  const signedIn = hasToken && !sessionEnded;
  const [choices, setChoices] = useState<DraftChoices | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);

  useEffect(() => {
    // Another token (paired again) is checked afresh, not judged by the last one's answer.
    setAccount(null);
    if (!hasToken) return;
    const api = createApiClient(serverUrl, token);
    void loadAccount(api, preferences, serverUrl).then(setAccount);
    void Promise.all([loadDraftChoices(api, preferences, serverUrl), preferences.lastDraftId()]).then(
      ([loaded, last]) => {
        setChoices(loaded);
        setDraftId(preselectedDraft(loaded.drafts ?? [], last));
      },
    );
  }, [hasToken, serverUrl, token]);

  const chooseDraft = useCallback((id: string) => {
    setDraftId(id);
    preferences.setLastDraftId(id).catch((error: unknown) => console.error('panel: draft choice not saved', error));
  }, []);

  return { signedIn, sessionEnded, account, choices, draftId, chooseDraft };
}
