/**
 * The mentor overview (`?view=overview`): every draft shared with me by its owner, across teachers
 * and workspaces, from the list's per-draft summaries (no draft document is opened). Offline it
 * shows the last list saved on this device and says from when.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { localDay } from '../../../shared/mentoring/cycle-doc';
import type { ApiClient } from '../../api/api-client';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import type { OfflineCache } from '../common/offline-cache';
import { EDITOR_PAGE } from '../common/page-route';
import { useDraftList } from '../drafts/use-draft-list';
import { type FilterChoices, OverviewFilters } from './OverviewFilters';
import { OverviewTable } from './OverviewTable';
import {
  filterRows,
  isFiltered,
  NO_FILTER,
  type OverviewFilter,
  PERSONAL_WORKSPACE,
  teacherOptions,
  workspaceOptions,
} from './overview-filter';
import { mentoredRows } from './overview-rows';
import { DEFAULT_SORT, nextSort, type SortColumn, sortRows } from './overview-sort';
import { StageChart } from './StageChart';
import { countByStage } from './stage-groups';
import { useWorkspaceNames } from './use-workspace-names';

export interface MentorOverviewProps {
  api: ApiClient;
  cache: OfflineCache;
  win: Window;
}

export function MentorOverview(props: MentorOverviewProps) {
  const t = useT();
  const [language] = useLanguage();
  const list = useDraftList(props.api, props.cache);
  const workspaceNames = useWorkspaceNames(props.api);
  // Fixed for the page's life: overdue and "3 hours ago" as of opening it.
  const [now] = useState(() => Date.now());
  const today = useMemo(() => localDay(new Date(now)), [now]);
  const [filter, setFilter] = useState<OverviewFilter>(NO_FILTER);
  const [sort, setSort] = useState(DEFAULT_SORT);
  // Typing in the search stays responsive with hundreds of rows: the table follows a moment later.
  const shownFilter = useDeferredValue(filter);

  const drafts = list.status === 'loading' ? null : list.drafts;
  const rows = useMemo(() => (drafts ? mentoredRows(drafts, today) : []), [drafts, today]);
  const filtered = useMemo(() => filterRows(rows, shownFilter), [rows, shownFilter]);
  const sorted = useMemo(() => sortRows(filtered, sort), [filtered, sort]);
  const stageCounts = useMemo(
    () => countByStage(filterRows(rows, shownFilter, ['stage']), (row) => row.stage),
    [rows, shownFilter],
  );
  const choices = useMemo<FilterChoices>(
    () => ({
      teachers: teacherOptions(rows),
      workspaces: workspaceOptions(rows)
        .map((value) => ({
          value,
          label:
            value === PERSONAL_WORKSPACE
              ? t('overview.workspace.personal')
              : (workspaceNames.get(value) ?? t('overview.workspace.unknown', { id: value })),
        }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    }),
    [rows, workspaceNames, t, language],
  );

  return (
    <main className="panel overview">
      <p className="overview-back">
        <a href={EDITOR_PAGE}>{t('overview.back')}</a>
      </p>
      <h1>{t('overview.title')}</h1>
      <p className="muted">{t('overview.intro')}</p>
      {list.status === 'loading' && <p className="muted">{t('overview.loading')}</p>}
      {list.status === 'stale' && (
        <p className="notice" role="status" data-testid="overview-stale">
          {t(`error.${list.problem}`)}{' '}
          {!list.drafts
            ? t('overview.noCache')
            : list.savedAt
              ? t('overview.stale', { time: formatDateTime(list.savedAt, language) })
              : t('overview.staleNoTime')}
        </p>
      )}
      {drafts && rows.length === 0 && <p className="muted">{t('overview.empty')}</p>}
      {rows.length > 0 && (
        <>
          <StageChart counts={stageCounts} filtered={isFiltered({ ...shownFilter, stage: null })} />
          <OverviewFilters filter={filter} choices={choices} onChange={setFilter} />
          <p className="overview-shown" aria-live="polite">
            {t('overview.shown', { shown: sorted.length, total: rows.length })}
          </p>
          {sorted.length === 0 ? (
            <p className="muted">{t('overview.noMatch')}</p>
          ) : (
            <OverviewTable
              rows={sorted}
              sort={sort}
              onSort={(column: SortColumn) => setSort((current) => nextSort(current, column))}
              now={now}
            />
          )}
        </>
      )}
    </main>
  );
}
