/**
 * One draft: title, sharing (for its owner), sync status of its content and feedback, who is
 * online, and the workspace — the editor (read-only, with a banner saying why, for someone who may
 * only comment or view), the reference list of the clipped sources, and the feedback sidebar.
 */
import { useEffect, useMemo, useState } from 'react';
import { can } from '../../../shared/auth/roles';
import { colorForUser, type PresenceUser } from '../../../shared/presence';
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { combineSyncStatus } from '../../sync/combined-sync-status';
import { feedbackRights } from '../feedback/feedback-rights';
import type { OfflineCache } from '../offline-cache';
import { type DraftView, EDITOR_PAGE } from '../page-route';
import { useDraftConnection } from '../use-draft-connection';
import { useDraftInfo } from '../use-draft-info';
import { DraftWorkspace } from './DraftWorkspace';
import { PresenceList } from './PresenceList';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { RefusedChangesNotice } from './RefusedChangesNotice';
import { ShareButton } from './ShareButton';
import { SyncStatusBadge } from './SyncStatusBadge';

export function EditorPage(props: {
  api: ApiClient;
  cache: OfflineCache;
  serverUrl: string;
  token: string | null;
  me: MeResponse;
  draftId: string;
  /** Which part of the draft to show (the mentoring-cycle views). */
  view: DraftView;
  win: Window;
}) {
  const t = useT();
  const { api, serverUrl, token, draftId, win, cache } = props;
  const { connection, status, writeRefusal, discardedText } = useDraftConnection(
    { serverUrl, token, draftId },
    win,
    cache,
  );
  const feedback = useDraftConnection({ serverUrl, token, draftId, kind: 'feedback' }, win, cache);
  // The owner raised this user's role: fetch the draft again so the editor unlocks without a reload.
  const [roleRaises, setRoleRaises] = useState(0);
  useEffect(() => connection?.onRoleRaised(() => setRoleRaises((count) => count + 1)), [connection]);
  const draft = useDraftInfo(api, cache, draftId, roleRaises);
  const title = draft.info?.title;
  // The server's refusal wins: the role may have been lowered since the draft info was fetched.
  const role = writeRefusal?.role ?? draft.info?.role ?? null;
  // Unknown role (never seen, offline): editable, as the server still refuses what it must.
  const editable = !writeRefusal && (role === null || can(role, 'edit-content'));
  const user: PresenceUser = useMemo(
    () => ({ id: props.me.id, name: props.me.name, color: colorForUser(props.me.id) }),
    [props.me.id, props.me.name],
  );
  const author = useMemo(() => ({ id: props.me.id, name: props.me.name }), [props.me.id, props.me.name]);
  const rights = useMemo(
    () => feedbackRights(role, feedback.writeRefusal, editable),
    [role, feedback.writeRefusal, editable],
  );

  useEffect(() => {
    win.document.title = `${title ?? t('editor.draft.fallbackTitle')} — Dampingi`;
  }, [win, title, t]);

  return (
    <main className="draft-page">
      <nav className="draft-nav">
        <a href={EDITOR_PAGE}>
          <span aria-hidden="true">← </span>
          {t('editor.draft.allDrafts')}
        </a>
      </nav>
      <div className="draft-heading">
        <h1>{title ?? t('editor.draft.fallbackTitle')}</h1>
        {can(draft.info?.role, 'manage-members') && (
          <ShareButton api={api} draftId={draftId} serverUrl={serverUrl} me={props.me} win={win} />
        )}
      </div>
      {(draft.problem === 'not-found' || draft.problem === 'forbidden') && (
        <p role="alert" className="problem">
          {t('editor.draft.noAccess')}
        </p>
      )}
      <div className="draft-bar">
        <SyncStatusBadge status={combineSyncStatus(status, feedback.connection ? feedback.status : null)} />
        {connection && <PresenceList awareness={connection.provider.awareness} />}
      </div>
      {!editable && role && <ReadOnlyBanner role={role} />}
      {discardedText && <RefusedChangesNotice text={discardedText} win={win} />}
      {connection ? (
        <DraftWorkspace
          connection={connection}
          feedback={feedback}
          user={user}
          author={author}
          editable={editable}
          rights={rights}
          win={win}
        />
      ) : (
        <p className="muted">{t('editor.draft.opening')}</p>
      )}
    </main>
  );
}
