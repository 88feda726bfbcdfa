/**
 * Who is signed in and which drafts the panel offers (from the server, or the last saved list when
 * offline), and the chosen draft, remembered for the next time and for the context menu. Until the
 * user chooses, the draft open in the tab is chosen, else the last chosen one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { createApiClient } from '../api/api-client';
import { clipPreferences } from '../clip/clip-preferences';
import { type Account, type DraftChoices, loadAccount, loadDraftChoices } from '../clip/draft-choices';
import { preselectedDraft } from '../clip/draft-list';
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

export function useDraftChoices(
  settings: Pick<AppSettings, 'serverUrl' | 'token'>,
  openDraftId: string | null,
): DraftChoiceState {
  const { serverUrl, token } = settings;
  const hasToken = token !== null && token !== '';
  const [account, setAccount] = useState<Account | null>(null);
  const sessionEnded = hasToken && account?.name === null && account.reason === 'unauthorized';
  const signedIn = hasToken && !sessionEnded;
  const [choices, setChoices] = useState<DraftChoices | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [lastDraftId, setLastDraftId] = useState<string | null>(null);
  const userChose = useRef(false);

  useEffect(() => {
    // Another token (paired again) is checked afresh, not judged by the last one's answer.
    setAccount(null);
    if (!hasToken) return;
    const api = createApiClient(serverUrl, token);
    void loadAccount(api, preferences, serverUrl).then(setAccount);
    void Promise.all([loadDraftChoices(api, preferences, serverUrl), preferences.lastDraftId()]).then(
      ([loaded, last]) => {
        setLastDraftId(last);
        setChoices(loaded);
      },
    );
  }, [hasToken, serverUrl, token]);

  // The list and the tab's address arrive in either order. A draft open in the tab (in the side
  // panel also one opened later) is where the next clip most likely goes; otherwise a choice the
  // user made stays.
  useEffect(() => {
    if (!choices) return;
    const drafts = choices.drafts ?? [];
    if (openDraftId && drafts.some((draft) => draft.id === openDraftId)) setDraftId(openDraftId);
    else if (!userChose.current) setDraftId(preselectedDraft(drafts, { openDraftId, lastDraftId }));
  }, [choices, openDraftId, lastDraftId]);

  const chooseDraft = useCallback((id: string) => {
    userChose.current = true;
    setDraftId(id);
    preferences.setLastDraftId(id).catch((error: unknown) => console.error('panel: draft choice not saved', error));
  }, []);

  return { signedIn, sessionEnded, account, choices, draftId, chooseDraft };
}
