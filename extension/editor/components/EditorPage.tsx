/** One draft: title, mentor link, sync status, who is online, and the editor itself. */
import { useEffect, useMemo } from 'react';
import { colorForUser, type PresenceUser } from '../../../shared/presence';
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import type { OfflineCache } from '../offline-cache';
import { EDITOR_PAGE } from '../page-route';
import { useDraftConnection } from '../use-draft-connection';
import { useDraftList } from '../use-draft-list';
import { DraftEditor } from './DraftEditor';
import { MentorLinkButton } from './MentorLinkButton';
import { PresenceList } from './PresenceList';
import { SyncStatusBadge } from './SyncStatusBadge';

export function EditorPage(props: {
  api: ApiClient;
  cache: OfflineCache;
  serverUrl: string;
  token: string | null;
  me: MeResponse;
  draftId: string;
  win: Window;
}) {
  const t = useT();
  const { serverUrl, token, draftId, win, cache } = props;
  const { connection, status } = useDraftConnection({ serverUrl, token, draftId }, win, cache);
  const list = useDraftList(props.api, cache);
  const title = list.status === 'loading' ? null : list.drafts?.find((draft) => draft.id === draftId)?.title;
  const user: PresenceUser = useMemo(
    () => ({ id: props.me.id, name: props.me.name, color: colorForUser(props.me.id) }),
    [props.me.id, props.me.name],
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
        <MentorLinkButton serverUrl={serverUrl} draftId={draftId} win={win} />
      </div>
      <div className="draft-bar">
        <SyncStatusBadge status={status} />
        {connection && <PresenceList awareness={connection.provider.awareness} />}
      </div>
      {connection ? (
        <DraftEditor connection={connection} user={user} win={win} />
      ) : (
        <p className="muted">{t('editor.draft.opening')}</p>
      )}
    </main>
  );
}
