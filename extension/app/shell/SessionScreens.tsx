/**
 * Everything below the settings: who is signed in, and the screen for the page's address — the
 * join screen of a share link, the sign-in page, or the signed-in home list and drafts. On the
 * web the session is the server's HttpOnly cookie (no token in the page); in the extension's
 * pages it is the paired token.
 */
import { useEffect, useMemo, useState } from 'react';
import type { JoinResponse } from '../../../shared/protocol/api';
import { createApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import type { AppSettings, AppSettingsStore } from '../../settings/app-settings';
import { closeEarlyDrafts } from '../../sync/early-draft-open';
import { offlineCache } from '../common/offline-cache';
import { draftHref, EDITOR_PAGE, routeOf, SIGN_IN_HREF } from '../common/page-route';
import type { SignInStep } from '../session/page-start';
import { SignInForm } from '../session/SignInForm';
import { SignOutDialog } from '../session/SignOutDialog';
import { requestSignOut, signOutPending, unsentChanges } from '../session/sign-out';
import { COOKIE_SESSION, useSession } from '../session/use-session';
import { useTokenRefresh } from '../session/use-token-refresh';
import { WebSignIn } from '../session/WebSignIn';
import { JoinPage } from '../sharing/JoinPage';
import { AppHeader } from './AppHeader';
import { SignedInRoutes } from './SignedInRoutes';
import { Unreachable } from './Unreachable';

export function SessionScreens(props: {
  settings: AppSettings;
  store: AppSettingsStore;
  save: (patch: Partial<AppSettings>) => Promise<void>;
  win: Window;
  /** What a one-time link or a school sign-in left for the sign-in page (page-start.ts). */
  signInStep: SignInStep | null;
}) {
  const t = useT();
  const { settings, save, win } = props;
  const web = !props.store.serverIsConfigurable;
  // On the web the token is null: the browser sends the cookie, the client the CSRF header.
  const token = web ? null : settings.token;
  const api = useMemo(() => createApiClient(settings.serverUrl, token), [settings.serverUrl, token]);
  // Joining without being signed in must not send a stale token: the server would refuse it.
  const anonymousApi = useMemo(() => createApiClient(settings.serverUrl, null), [settings.serverUrl]);
  const cache = useMemo(() => offlineCache(win.localStorage, settings.serverUrl), [win, settings.serverUrl]);
  // Signed out while offline, the cookie is still there until the server hears of it: signed out all the same.
  const cookieSession = web && !signOutPending(win.localStorage, settings.serverUrl) ? COOKIE_SESSION : null;
  const route = routeOf(win.location);
  // A draft opens from this browser's copy while the session is checked (the server still checks the socket).
  const [session, retry] = useSession(api, web ? cookieSession : token, cache, route.page === 'draft');
  useTokenRefresh(api, token, props.store, cache);
  // Runs after the screens' own effects: the draft page has taken the documents opened for it
  // early (EditorApp); whatever is left (signed out, unreachable, another token) is closed.
  useEffect(() => {
    if (session.status !== 'checking') closeEarlyDrafts();
  }, [session.status]);
  const signIn = (pasted: string) => {
    // The same token again (after a failed check) must be checked again.
    if (pasted === settings.token) retry();
    else void save({ token: pasted });
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
  const signedIn = session.status === 'signed-in' ? session.user : null;
  // The wipe and the server call happen at the next start (sign-out.ts), before any draft opens.
  const signOutNow = async () => {
    requestSignOut(win.localStorage, settings.serverUrl, {
      token,
      sessionId: web ? (signedIn?.sessionId ?? null) : null,
    });
    if (!web) await props.store.save({ token: null });
    win.location.replace(EDITOR_PAGE);
  };
  const onSignOut = () => {
    const unsent = unsentChanges(win.localStorage, settings.serverUrl);
    if (unsent > 0) setUnsentAtSignOut(unsent);
    else void signOutNow();
  };
  const joining = route.page === 'join' || route.page === 'invalid-join';
  const signedOut = session.status === 'signed-out';
  // A guest comes to the sign-in page on purpose, to keep her account.
  const showSignIn = !joining && (signedOut || (route.page === 'sign-in' && signedIn?.guest === true));

  return (
    <>
      <AppHeader
        userName={signedIn?.name ?? null}
        guest={signedIn?.guest === true && web}
        onSignOut={signedIn || token ? onSignOut : null}
        account={signedIn ? { admin: signedIn.isAdmin === true } : null}
        connectExtension={web && signedIn && !signedIn.guest ? { serverUrl: settings.serverUrl, win } : null}
      />
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
          client={web ? 'web' : 'extension'}
          signInHref={web && !signedIn ? SIGN_IN_HREF : null}
          win={win}
          onJoined={onJoined}
        />
      )}
      {showSignIn &&
        (web ? (
          <WebSignIn
            serverUrl={settings.serverUrl}
            step={
              props.signInStep ??
              (session.status === 'signed-out' && session.problem ? { kind: 'problem', reason: session.problem } : null)
            }
            upgrading={signedIn?.guest === true}
            win={win}
          />
        ) : (
          <SignInForm
            serverUrl={settings.serverUrl}
            problem={session.status === 'signed-out' ? session.problem : null}
            onSubmit={signIn}
          />
        ))}
      {!joining && !showSignIn && signedIn && route.page !== 'sign-in' && (
        <SignedInRoutes
          route={route}
          api={api}
          cache={cache}
          serverUrl={settings.serverUrl}
          token={token}
          me={signedIn}
          win={win}
        />
      )}
      {route.page === 'sign-in' && signedIn && !signedIn.guest && (
        <main className="panel">
          <p>{t('editor.signin.signedInAs', { name: signedIn.name })}</p>
          <a href={EDITOR_PAGE}>{t('editor.draft.allDrafts')}</a>
        </main>
      )}
    </>
  );
}
