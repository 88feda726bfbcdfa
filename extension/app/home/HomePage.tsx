/**
 * Home (no `?draft=`): what is waiting for the teacher and her drafts by stage first, then the drafts
 * shared with her; a mentor (drafts shared, none of her own) sees the overview link on top; making a
 * draft (new or from Word) comes after the lists — first only when there is nothing yet. The last list
 * seen is shown when offline.
 */
import { useMemo, useState } from 'react';
import { localDay } from '../../../shared/mentoring/cycle-doc';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import type { OfflineCache } from '../common/offline-cache';
import { draftHref, INBOX_HREF, OVERVIEW_HREF, SHARE_HREF } from '../common/page-route';
import { DraftList } from '../drafts/DraftList';
import { useDraftList } from '../drafts/use-draft-list';
import { ImportFromWord } from '../import/ImportFromWord';
import { HomeStageGroups } from '../overview/HomeStageGroups';
import { isMentored } from '../overview/overview-rows';
import { WaitingForYou } from '../overview/WaitingForYou';
import { useWaitingShares } from '../share/use-waiting-shares';
import { CreateDraftForm } from './CreateDraftForm';

export function HomePage(props: {
  api: ApiClient;
  cache: OfflineCache;
  win: Window;
  /** For writing an imported Word document into its new draft (the draft's live connection). */
  serverUrl: string;
  token: string | null;
}) {
  const t = useT();
  const list = useDraftList(props.api, props.cache);
  const waitingShares = useWaitingShares(props.win);
  // Overdue is measured against the day the page was opened.
  const [today] = useState(() => localDay());
  const drafts = list.status === 'loading' ? null : list.drafts;
  const own = useMemo(() => drafts?.filter((draft) => draft.role === 'owner') ?? [], [drafts]);
  const shared = useMemo(() => drafts?.filter(isMentored) ?? [], [drafts]);
  const creating = (
    <section className="home-create" aria-labelledby="home-create-heading">
      <h2 id="home-create-heading">{t('editor.home.createHeading')}</h2>
      <CreateDraftForm api={props.api} onCreated={(id) => props.win.location.assign(draftHref(id))} />
      <ImportFromWord
        api={props.api}
        cache={props.cache}
        serverUrl={props.serverUrl}
        token={props.token}
        win={props.win}
        onCreated={(id) => props.win.location.assign(draftHref(id))}
      />
    </section>
  );
  const mentor = own.length === 0 && shared.length > 0;
  return (
    <main className="panel home">
      <h1>{t('editor.home.title')}</h1>
      {list.status === 'loading' && <p className="muted">{t('editor.home.loading')}</p>}
      {list.status === 'stale' && (
        <p className="notice">
          {t(`error.${list.problem}`)} {list.drafts ? t('editor.home.cached') : t('editor.home.noCache')}
        </p>
      )}
      {shared.length > 0 && (
        <p className={mentor ? 'home-overview-link home-overview-first' : 'home-overview-link'}>
          {t('overview.home.shared', { count: shared.length })}{' '}
          <a href={OVERVIEW_HREF}>{t('overview.home.overviewLink')}</a>
        </p>
      )}
      <p className="home-inbox-link">
        <a href={INBOX_HREF}>{t('inbox.homeLink')}</a>
        {waitingShares > 0 && (
          <>
            {' · '}
            <a href={SHARE_HREF}>{t('share.homeWaiting', { count: waitingShares })}</a>
          </>
        )}
      </p>
      {own.length > 0 && <WaitingForYou drafts={own} today={today} />}
      {own.length > 0 && (
        <>
          <h2>{t('editor.home.listHeading')}</h2>
          <HomeStageGroups drafts={own} />
        </>
      )}
      {shared.length > 0 && (
        <>
          <h2>{t('overview.home.sharedHeading')}</h2>
          <DraftList drafts={shared} label={t('overview.home.sharedLabel')} showStage />
        </>
      )}
      {/* Always in this one place (a form that moved would lose what was typed): with no draft listed
          above it, it is the first thing on the page. */}
      {creating}
    </main>
  );
}
