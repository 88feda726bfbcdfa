/**
 * The editor page's root: loads settings, provides the UI language, checks who is signed in and
 * shows the sign-in form, the home list or one draft.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Language } from '../../../shared/i18n';
import { createApiClient } from '../../api/api-client';
import { I18nProvider, useT } from '../../components/i18n';
import type { AppSettings, AppSettingsStore } from '../../settings/app-settings';
import { offlineCache } from '../offline-cache';
import { routeOf } from '../page-route';
import { useSession } from '../use-session';
import { AppHeader } from './AppHeader';
import { SignedInRoutes } from './SignedInRoutes';
import { SignInForm } from './SignInForm';
import { Unreachable } from './Unreachable';

export function EditorApp(props: { store: AppSettingsStore; win: Window }) {
  const { store, win } = props;
  const [settings, setSettings] = useState<AppSettings | null>(null);

  useEffect(() => {
    void store.load().then(setSettings);
  }, [store]);

  const save = useCallback(async (patch: Partial<AppSettings>) => setSettings(await store.save(patch)), [store]);
  const onLanguageChange = useCallback((language: Language) => void save({ language }), [save]);

  useEffect(() => {
    if (settings) win.document.documentElement.lang = settings.language;
  }, [win, settings]);

  if (!settings) return null;
  return (
    <I18nProvider language={settings.language} onLanguageChange={onLanguageChange}>
      <SessionScreens settings={settings} save={save} serverIsConfigurable={store.serverIsConfigurable} win={win} />
    </I18nProvider>
  );
}

function SessionScreens(props: {
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<void>;
  serverIsConfigurable: boolean;
  win: Window;
}) {
  const t = useT();
  const { settings, save, win } = props;
  const api = useMemo(() => createApiClient(settings.serverUrl, settings.token), [settings.serverUrl, settings.token]);
  const cache = useMemo(() => offlineCache(win.localStorage, settings.serverUrl), [win, settings.serverUrl]);
  const [session, retry] = useSession(api, settings.token, cache);
  const signIn = (token: string) => {
    // The same token again (after a failed check) must be checked again.
    if (token === settings.token) retry();
    else void save({ token });
  };
  const signedIn = session.status === 'signed-in' ? session.user : null;

  return (
    <>
      <AppHeader
        userName={signedIn?.name ?? null}
        onSignOut={settings.token ? () => void save({ token: null }) : null}
      />
      {session.status === 'checking' && <p className="panel muted">{t('editor.session.checking')}</p>}
      {session.status === 'signed-out' && (
        <SignInForm
          serverUrl={props.serverIsConfigurable ? settings.serverUrl : null}
          problem={session.problem}
          onSubmit={signIn}
        />
      )}
      {session.status === 'unreachable' && <Unreachable problem={session.problem} onRetry={retry} />}
      {signedIn && (
        <SignedInRoutes
          route={routeOf(win.location)}
          api={api}
          cache={cache}
          serverUrl={settings.serverUrl}
          token={settings.token}
          me={signedIn}
          win={win}
        />
      )}
    </>
  );
}
