/** Home (no `?draft=`): the drafts list, or the last one seen when offline, and "create a draft". */
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import type { OfflineCache } from '../offline-cache';
import { draftHref } from '../page-route';
import { useDraftList } from '../use-draft-list';
import { CreateDraftForm } from './CreateDraftForm';
import { DraftList } from './DraftList';

export function HomePage(props: { api: ApiClient; cache: OfflineCache; win: Window }) {
  const t = useT();
  const list = useDraftList(props.api, props.cache);
  return (
    <main className="panel home">
      <h1>{t('editor.home.title')}</h1>
      <CreateDraftForm api={props.api} onCreated={(id) => props.win.location.assign(draftHref(id))} />
      <h2>{t('editor.home.listHeading')}</h2>
      {list.status === 'loading' && <p className="muted">{t('editor.home.loading')}</p>}
      {list.status === 'stale' && (
        <p className="notice">
          {t(`error.${list.problem}`)} {list.drafts ? t('editor.home.cached') : t('editor.home.noCache')}
        </p>
      )}
      {list.status !== 'loading' && list.drafts && <DraftList drafts={list.drafts} />}
    </main>
  );
}
