/**
 * The editor page's root: loads settings and provides the UI language; SessionScreens does the rest
 * (who is signed in, and which screen the address asks for).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Language } from '../../../shared/i18n';
import { I18nProvider } from '../../components/i18n';
import type { AppSettings, AppSettingsStore } from '../../settings/app-settings';
import { openRouteDraftEarly } from '../drafts/open-route-draft-early';
import { type SignInStep, startPage } from '../session/page-start';
import { finishSignOut } from '../session/sign-out';
import { SessionScreens } from './SessionScreens';

export function EditorApp(props: { store: AppSettingsStore; win: Window }) {
  const { store, win } = props;
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [signInStep, setSignInStep] = useState<SignInStep | null>(null);

  useEffect(() => {
    void store.load().then(async (loaded) => {
      // A sign-out asked for before the reload: forget this browser's drafts before any opens.
      const fetch: typeof win.fetch = (input, init) => win.fetch(input, init);
      try {
        await finishSignOut({ win, serverUrl: loaded.serverUrl, fetch });
      } catch (error) {
        console.warn('dampingi: finishing the sign-out failed', error);
      }
      // A one-time link in the address becomes a session before anything is shown.
      const started = await startPage({ win, store, fetch });
      if (started.goTo) {
        win.location.replace(started.goTo);
        return;
      }
      // The draft's documents load and connect while the session is checked (SessionScreens).
      if (started.step === null) openRouteDraftEarly(win, started.settings, !store.serverIsConfigurable);
      setSignInStep(started.step);
      setSettings(started.settings);
    });
  }, [store, win]);

  const save = useCallback(
    async (patch: Partial<AppSettings>) => {
      const saved = await store.save(patch);
      // Only what this page changed: a token refreshed in the background (use-token-refresh.ts)
      // stays out of the running page, where a new token would reconnect the open draft.
      setSettings((current) => (current ? { ...current, ...patch } : saved));
    },
    [store],
  );
  const onLanguageChange = useCallback((language: Language) => void save({ language }), [save]);

  useEffect(() => {
    if (settings) win.document.documentElement.lang = settings.language;
  }, [win, settings]);

  if (!settings) return null;
  return (
    <I18nProvider language={settings.language} onLanguageChange={onLanguageChange}>
      <SessionScreens settings={settings} store={store} save={save} win={win} signInStep={signInStep} />
    </I18nProvider>
  );
}
