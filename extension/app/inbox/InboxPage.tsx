/**
 * `?view=inbox`, Kotak klip: the account's clips waiting to be placed (newest first, where each came
 * from), each moved into a draft ("Pindahkan ke draf") or deleted ("Hapus"). Every outcome is said
 * in a sentence.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { InboxItem } from '../../../shared/protocol/clip-inbox-api';
import type { ApiClient } from '../../api/api-client';
import { createClipInboxClient } from '../../api/clip-inbox-client';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import type { OfflineCache } from '../common/offline-cache';
import { useDraftList } from '../drafts/use-draft-list';
import { DraftPicker } from '../share/DraftPicker';
import type { ShareDestination } from '../share/share-store';
import { webClipFiling } from '../share/web-clip-filing';
import { moveToDraft } from './inbox-move';
import '../share/share.css';

type Listing = { status: 'loading' } | { status: 'loaded'; items: InboxItem[] } | { status: 'failed'; reason: string };

export function InboxPage(props: {
  api: ApiClient;
  cache: OfflineCache;
  serverUrl: string;
  token: string | null;
  win: Window;
}) {
  const t = useT();
  const [language] = useLanguage();
  const inbox = useMemo(
    () => createClipInboxClient(props.serverUrl, props.token, (input, init) => props.win.fetch(input, init)),
    [props.serverUrl, props.token, props.win],
  );
  const filing = useMemo(() => webClipFiling(props.serverUrl, props.token), [props.serverUrl, props.token]);
  useEffect(() => () => filing.close(), [filing]);
  const list = useDraftList(props.api, props.cache);
  const drafts = list.status === 'loading' ? [] : (list.drafts ?? []);
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [moving, setMoving] = useState<string | null>(null);
  const [choice, setChoice] = useState<ShareDestination | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);

  const load = useCallback(async () => {
    const result = await inbox.list();
    setListing(
      result.ok
        ? { status: 'loaded', items: [...result.value].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)) }
        : { status: 'failed', reason: t(`error.${result.reason}`) },
    );
  }, [inbox, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const move = async (item: InboxItem) => {
    if (choice?.kind !== 'draft') return;
    setBusy(true);
    const outcome = await moveToDraft(item, choice.draftId, { filing, inbox });
    setBusy(false);
    const title = item.source.title;
    setSaid(
      outcome.moved
        ? { text: t('inbox.moved', { title, draft: choice.draftTitle }), problem: false }
        : {
            text: t('inbox.notMoved', {
              title,
              reason: t(
                outcome.problem === 'outbox-failed' ? 'clip.reason.outbox-failed' : `clip.problem.${outcome.problem}`,
              ),
            }),
            problem: true,
          },
    );
    if (outcome.moved) setMoving(null);
    await load();
  };
  const remove = async (item: InboxItem) => {
    setBusy(true);
    const removed = await inbox.remove(item.clipId);
    setBusy(false);
    const title = item.source.title;
    setSaid(
      removed.ok
        ? { text: t('inbox.removed', { title }), problem: false }
        : { text: t('inbox.removeFailed', { title, reason: t(`error.${removed.reason}`) }), problem: true },
    );
    await load();
  };

  return (
    <main className="panel inbox-page">
      <h1>{t('inbox.title')}</h1>
      <p className="muted">{t('inbox.intro')}</p>
      {said && (
        <p role={said.problem ? 'alert' : 'status'} className={said.problem ? 'problem' : undefined}>
          {said.text}
        </p>
      )}
      {listing.status === 'loading' && <p className="muted">{t('inbox.loading')}</p>}
      {listing.status === 'failed' && (
        <p role="alert" className="problem">
          {t('inbox.loadFailed', { reason: listing.reason })}
        </p>
      )}
      {listing.status === 'loaded' && listing.items.length === 0 && <p>{t('inbox.empty')}</p>}
      {listing.status === 'loaded' && listing.items.length > 0 && (
        <ul className="inbox-list" aria-label={t('inbox.title')}>
          {listing.items.map((item) => (
            <li key={item.clipId} className="inbox-item" data-clip-id={item.clipId}>
              <p className="shared-title">{item.source.title}</p>
              <p className="muted">
                {[item.source.siteName, t(`inbox.origin.${item.origin}`)].filter(Boolean).join(' · ')} ·{' '}
                <time dateTime={item.receivedAt}>
                  {t('inbox.received', { time: formatDateTime(item.receivedAt, language) })}
                </time>
              </p>
              {moving === item.clipId ? (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    void move(item);
                  }}
                >
                  <DraftPicker
                    drafts={drafts}
                    value={choice}
                    onChange={setChoice}
                    offerInbox={false}
                    legend={t('inbox.chooseDraft', { title: item.source.title })}
                  />
                  <button type="submit" className="primary" disabled={busy || choice?.kind !== 'draft'}>
                    {t('inbox.moveTo')}
                  </button>{' '}
                  <button type="button" onClick={() => setMoving(null)}>
                    {t('inbox.cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      setChoice(null);
                      setMoving(item.clipId);
                    }}
                  >
                    {t('inbox.move')}
                  </button>{' '}
                  <button type="button" disabled={busy} onClick={() => void remove(item)}>
                    {t('inbox.remove')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
