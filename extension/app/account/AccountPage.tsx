/**
 * "Akun saya": name and address, the devices signed in (ending one), and "Keluar dari semua
 * perangkat" — after which this browser is signed out too and forgets its drafts, as "Keluar" does.
 */
import { useCallback, useMemo, useState } from 'react';
import type { MeResponse } from '../../../shared/protocol/api';
import { createAccountClient } from '../../api/account-client';
import { useT } from '../../components/i18n';
import { ActionOutcomeNote } from '../common/ActionOutcomeNote';
import { LoadState } from '../common/LoadState';
import { EDITOR_PAGE } from '../common/page-route';
import { useActions, useLoaded } from '../common/use-loaded';
import { requestSignOut, unsentChanges } from '../session/sign-out';
import { SessionList } from './SessionList';
import './account.css';

export function AccountPage(props: { serverUrl: string; token: string | null; me: MeResponse; win: Window }) {
  const t = useT();
  const { serverUrl, token, me, win } = props;
  const account = useMemo(() => createAccountClient(serverUrl, token), [serverUrl, token]);
  const extension = me.sessionKind === 'extension';
  return (
    <main className="panel account-page">
      <h1>{t('account.title')}</h1>
      <dl className="account-facts">
        <dt>{t('account.name')}</dt>
        <dd>{me.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{me.email ?? <span className="muted">{t('account.noEmail')}</span>}</dd>
      </dl>
      {me.isAdmin && <p>{t('account.admin')}</p>}
      {me.guest && <p className="notice">{t('account.guest')}</p>}
      {extension ? (
        <p className="notice">{t('account.extension')}</p>
      ) : (
        <AccountSessions account={account} me={me} token={token} serverUrl={serverUrl} win={win} />
      )}
    </main>
  );
}

function AccountSessions(props: {
  account: ReturnType<typeof createAccountClient>;
  me: MeResponse;
  token: string | null;
  serverUrl: string;
  win: Window;
}) {
  const t = useT();
  const { account, win } = props;
  const loadSessions = useCallback(() => account.sessions(), [account]);
  const sessions = useLoaded(loadSessions);
  const actions = useActions((reason) => `${t('account.sessions.endFailed')} ${t(`error.${reason}`)}`);
  const [leaving, setLeaving] = useState(false);

  const endOne = async (sessionId: string) => {
    await actions.run(
      () => account.endSession(sessionId),
      () => t('account.sessions.ended'),
    );
    await sessions.reload();
  };

  const signOutEverywhere = async () => {
    const unsent = unsentChanges(win.localStorage, props.serverUrl);
    const question =
      unsent > 0 ? t('account.everywhere.confirmUnsent', { count: unsent }) : t('account.everywhere.confirm');
    if (!win.confirm(question)) return;
    setLeaving(true);
    const ended = await actions.run(
      () => account.signOutEverywhere(),
      () => t('account.everywhere.busy'),
      (reason) => `${t('account.everywhere.failed')} ${t(`error.${reason}`)}`,
    );
    if (ended === null) {
      setLeaving(false);
      return;
    }
    // The server has ended this session too; the next start forgets this browser's drafts (sign-out.ts).
    requestSignOut(win.localStorage, props.serverUrl, { token: props.token, sessionId: props.me.sessionId ?? null });
    win.location.replace(EDITOR_PAGE);
  };

  return (
    <>
      <section className="account-section" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t('account.sessions.heading')}</h2>
        <p className="muted">{t('account.sessions.hint')}</p>
        <LoadState
          loaded={sessions}
          loadingText={t('account.sessions.loading')}
          failedText={t('account.sessions.problem')}
          retryText={t('account.sessions.retry')}
        >
          {(list) => <SessionList sessions={list} busy={actions.busy || leaving} onEnd={(id) => void endOne(id)} />}
        </LoadState>
      </section>
      <section className="account-section" aria-labelledby="account-everywhere">
        <h2 id="account-everywhere">{t('account.everywhere.heading')}</h2>
        <p className="muted">{t('account.everywhere.hint')}</p>
        <button
          type="button"
          className="danger"
          disabled={actions.busy || leaving}
          onClick={() => void signOutEverywhere()}
        >
          {t('account.everywhere.button')}
        </button>
      </section>
      <ActionOutcomeNote
        outcome={actions.outcome}
        busyText={leaving && actions.busy ? t('account.everywhere.busy') : null}
      />
    </>
  );
}
