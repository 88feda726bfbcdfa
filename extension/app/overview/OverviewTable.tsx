/**
 * The mentor overview's table: one row per draft, a sort button in every column header (with
 * `aria-sort`), and the counts also as `data-*` attributes on the row for styles and tests.
 */
import { memo } from 'react';
import type { Language } from '../../../shared/i18n';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { draftHref } from '../common/page-route';
import { activityTime } from './activity-time';
import type { OverviewRow } from './overview-rows';
import { type SortColumn, type SortOrder, sortColumns } from './overview-sort';

export function OverviewTable(props: {
  rows: OverviewRow[];
  sort: SortOrder;
  onSort: (column: SortColumn) => void;
  /** "Now" for the relative times, fixed while the page is open so rows do not re-render by the clock. */
  now: number;
}) {
  const t = useT();
  const [language] = useLanguage();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways on a phone; the keyboard must reach it.
    <section className="overview-table-wrap" aria-label={t('overview.table.region')} tabIndex={0}>
      <table className="overview-table">
        <caption>{t('overview.table.caption')}</caption>
        <thead>
          <tr>
            {sortColumns.map((column) => (
              <th
                key={column}
                scope="col"
                data-column={column}
                aria-sort={props.sort.column === column ? props.sort.direction : 'none'}
              >
                <button type="button" onClick={() => props.onSort(column)}>
                  {t(`overview.col.${column}`)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <OverviewTableRow key={row.id} row={row} now={props.now} language={language} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

// Memoised: sorting or filtering moves rows around without rendering them again.
const OverviewTableRow = memo(function OverviewTableRow(props: { row: OverviewRow; now: number; language: Language }) {
  const t = useT();
  const { row } = props;
  return (
    <tr
      data-draft-id={row.id}
      data-stage={row.stage}
      data-open-feedback={row.openFeedback}
      data-observations={row.observations}
      data-actions-open={row.actionsOpen}
      data-actions-overdue={row.actionsOverdue}
      className={row.needsAttention ? 'needs-attention' : undefined}
    >
      <td data-column="teacher">{row.teacherName}</td>
      <th scope="row" data-column="title">
        <a href={draftHref(row.id)}>{row.title}</a>
      </th>
      <td data-column="mediaKind">{t(`cycle.media.${row.mediaKind}`)}</td>
      <td data-column="stage">{t(`cycle.stage.${row.stage}`)}</td>
      <td data-column="updatedAt">
        <time dateTime={row.updatedAt} title={formatDateTime(row.updatedAt, props.language)}>
          {activityTime(row.updatedAt, props.now, props.language)}
        </time>
      </td>
      <td
        data-column="openFeedback"
        className={row.openFeedback > 0 ? 'overview-number overview-number--attention' : 'overview-number'}
      >
        {row.openFeedback}
      </td>
      <td data-column="observations" className="overview-number">
        {row.observations}
      </td>
      <td data-column="actions">
        <span className="overview-actions-open">{t('overview.actions.open', { count: row.actionsOpen })}</span>
        {row.actionsOverdue > 0 && (
          <span className="overview-actions-overdue">
            {t('overview.actions.overdue', { count: row.actionsOverdue })}
          </span>
        )}
      </td>
    </tr>
  );
});
