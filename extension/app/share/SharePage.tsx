/**
 * `?view=share`: what a phone's share sheet sent, kept on this phone until it is sent. The person
 * chooses a draft or Kotak klip; offline, the share waits ("menunggu koneksi") and goes by itself
 * once online. Every share kept here is listed, the one just shared first.
 */
import { useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import type { OfflineCache } from '../common/offline-cache';
import { draftHref, INBOX_HREF } from '../common/page-route';
import { useDraftList } from '../drafts/use-draft-list';
import { ShareCard } from './ShareCard';
import { needsPerson, type ShareSendOutcome } from './share-sending';
import type { ShareDestination } from './share-store';
import { useShareQueue } from './use-share-queue';
import './share.css';

type LastSend = { destination: ShareDestination; outcome: ShareSendOutcome };

export function SharePage(props: {
  api: ApiClient;
  cache: OfflineCache;
  serverUrl: string;
  token: string | null;
  win: Window;
  shareId: string | null;
  notKept: boolean;
}) {
  const t = useT();
  const queue = useShareQueue(props.serverUrl, props.token, props.win, t('share.untitled'));
  const list = useDraftList(props.api, props.cache);
  const drafts = list.status === 'loading' ? [] : (list.drafts ?? []);
  const [busy, setBusy] = useState<string | null>(null);
  const [last, setLast] = useState<LastSend | null>(null);
  const [removed, setRemoved] = useState(false);

  const entries = queue.entries ?? [];
  // The share just made first, then the others, newest first.
  const ordered = [...entries].sort((a, b) =>
    a.shareId === props.shareId ? -1 : b.shareId === props.shareId ? 1 : b.receivedAt.localeCompare(a.receivedAt),
  );
  const waiting =
    entries.filter((entry) => entry.destination !== null && !needsPerson(entry.problem)).length + queue.outboxWaiting;
  const justSharedGone =
    props.shareId !== null && queue.entries !== null && !entries.some((e) => e.shareId === props.shareId);

  const send = async (shareId: string, destination: ShareDestination, asLink: boolean) => {
    setBusy(shareId);
    setRemoved(false);
    try {
      setLast({ destination, outcome: await queue.send(shareId, destination, asLink) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="panel share-page">
      <h1>{t('share.title')}</h1>
      {props.notKept && (
        <p role="alert" className="problem">
          {t('share.notKept')}
        </p>
      )}
      <p role="status" className={waiting > 0 ? 'notice share-waiting' : 'share-waiting'} data-waiting={waiting}>
        {waiting > 0 ? t('share.waitingCount', { count: waiting }) : ''}
      </p>
      {last && <LastOutcome last={last} />}
      {removed && <p role="status">{t('share.removed')}</p>}
      {list.status === 'stale' && list.drafts && <p className="muted">{t('share.draftsOffline')}</p>}
      {queue.held.map((held) => (
        <section key={held.clipId} className="share-card" aria-label={held.sourceInDraft?.title ?? ''}>
          <p>{t('share.held', { title: held.sourceInDraft?.title ?? '' })}</p>
          <button type="button" onClick={() => void queue.decide(held.clipId, 'add-to-existing')}>
            {t('share.held.add')}
          </button>{' '}
          <button type="button" onClick={() => void queue.decide(held.clipId, 'new-source')}>
            {t('share.held.new')}
          </button>
        </section>
      ))}
      {justSharedGone && !last && <p className="muted">{t('share.missing')}</p>}
      {queue.entries !== null && entries.length === 0 && !last && !props.notKept && (
        <p className="muted">{t('share.nothing')}</p>
      )}
      {ordered.map((entry, index) => (
        <div key={entry.shareId}>
          {index === 1 && <h2>{t('share.others')}</h2>}
          <ShareCard
            entry={entry}
            drafts={drafts}
            busy={busy === entry.shareId}
            onSend={(destination, asLink) => void send(entry.shareId, destination, asLink)}
            onRemove={() => {
              setRemoved(true);
              void queue.remove(entry.shareId);
            }}
          />
        </div>
      ))}
    </main>
  );
}

function LastOutcome(props: { last: LastSend }) {
  const t = useT();
  const { destination, outcome } = props.last;
  if (outcome.state === 'sent') {
    return destination.kind === 'inbox' ? (
      <p role="status" className="share-sent">
        {t('share.sent.inbox')} <a href={INBOX_HREF}>{t('share.openInbox')}</a>
      </p>
    ) : (
      <p role="status" className="share-sent">
        {t('share.sent.draft', { title: destination.draftTitle })}{' '}
        <a href={draftHref(destination.draftId)}>{t('share.openDraft')}</a>
      </p>
    );
  }
  if (outcome.state === 'waiting') return <p role="status">{t('share.waiting')}</p>;
  return null;
}
