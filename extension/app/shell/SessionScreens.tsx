/**
 * Everything below the settings: who is signed in, and the screen for the page's address — the
 * join screen of a share link, the sign-in form, or the signed-in home list and drafts.
 */
import { useMemo, useState } from 'react';
import type { JoinResponse } from '../../../shared/protocol/api';
import { createApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import type { AppSettings, AppSettingsStore } from '../../settings/app-settings';
import { offlineCache } from '../common/offline-cache';
import { draftHref, EDITOR_PAGE, routeOf } from '../common/page-route';
import { SignInForm } from '../session/SignInForm';
import { SignOutDialog } from '../session/SignOutDialog';
import { requestSignOut, unsentChanges } from '../session/sign-out';
import { useSession } from '../session/use-session';
import { useTokenRefresh } from '../session/use-token-refresh';
import { JoinPage } from '../sharing/JoinPage';
import { AppHeader } from './AppHeader';
import { SignedInRoutes } from './SignedInRoutes';
import { Unreachable } from './Unreachable';

export function SessionScreens(props: {
  settings: AppSettings;
  store: AppSettingsStore;
  save: (patch: Partial<AppSettings>) => Promise<void>;
  win: Window;
}) {
  const t = useT();
  const { settings, save, win } = props;
  const api = useMemo(() => createApiClient(settings.serverUrl, settings.token), [settings.serverUrl, settings.token]);
  // Joining without being signed in must not send a stale token: the server would refuse it.
  const anonymousApi = useMemo(() => createApiClient(settings.serverUrl, null), [settings.serverUrl]);
  const cache = useMemo(() => offlineCache(win.localStorage, settings.serverUrl), [win, settings.serverUrl]);
  const [session, retry] = useSession(api, settings.token, cache);
  useTokenRefresh(api, settings.token, props.store, cache);
  const route = routeOf(win.location);
  const signIn = (token: string) => {
    // The same token again (after a failed check) must be checked again.
    if (token === settings.token) retry();
    else void save({ token });
  };
  const onJoined = async ({ draft, session: newSession }: JoinResponse) => {
    cache.saveDraft(draft);
    if (newSession) {
      cache.saveUser(newSession.token, newSession.user);
      // Straight to the store: the page is about to reload, and a new token in React state would
      // re-check the session and mount the join screen (and its request) again first.
      await props.store.save({ token: newSession.token });
    }
    // Replace, so the link's secret does not stay in the history.
    win.location.replace(draftHref(draft.id));
  };
  const [unsentAtSignOut, setUnsentAtSignOut] = useState<number | null>(null);
  // The wipe and the server call happen at the next start (sign-out.ts), before any draft opens.
  const signOutNow = async () => {
    requestSignOut(win.localStorage, settings.serverUrl, settings.token);
    await props.store.save({ token: null });
    win.location.replace(EDITOR_PAGE);
  };
  const onSignOut = () => {
    const unsent = unsentChanges(win.localStorage, settings.serverUrl);
    if (unsent > 0) setUnsentAtSignOut(unsent);
    else void signOutNow();
  };
  const signedIn = session.status === 'signed-in' ? session.user : null;
  const joining = route.page === 'join' || route.page === 'invalid-join';

  return (
    <>
      <AppHeader userName={signedIn?.name ?? null} onSignOut={settings.token ? onSignOut : null} />
      {unsentAtSignOut !== null && (
        <SignOutDialog
          unsent={unsentAtSignOut}
          onConfirm={() => void signOutNow()}
          onCancel={() => setUnsentAtSignOut(null)}
        />
      )}
      {session.status === 'checking' && <p className="panel muted">{t('editor.session.checking')}</p>}
      {session.status === 'unreachable' && <Unreachable problem={session.problem} onRetry={retry} />}
      {route.page === 'invalid-join' && (
        <main className="panel">
          <p role="alert" className="problem">
            {t('editor.join.invalid')} {t('editor.join.askOwner')}
          </p>
          <a href={EDITOR_PAGE}>{t('editor.draft.allDrafts')}</a>
        </main>
      )}
      {route.page === 'join' && session.status !== 'checking' && session.status !== 'unreachable' && (
        <JoinPage
          api={signedIn ? api : anonymousApi}
          secret={route.secret}
          signedIn={signedIn !== null}
          onJoined={onJoined}
        />
      )}
      {!joining && session.status === 'signed-out' && (
        <SignInForm
          serverUrl={props.store.serverIsConfigurable ? settings.serverUrl : null}
          problem={session.problem}
          onSubmit={signIn}
        />
      )}
      {!joining && signedIn && (
        <SignedInRoutes
          route={route}
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
