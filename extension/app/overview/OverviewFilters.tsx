/** The overview's filters: stage, teacher, workspace, words of the title, and "needs attention only". */
import { useId } from 'react';
import { StageSchema, stages } from '../../../shared/model/stages';
import { useT } from '../../components/i18n';
import { isFiltered, NO_FILTER, type OverviewFilter } from './overview-filter';

export interface FilterChoices {
  teachers: { id: string; name: string }[];
  /** Workspace filter values (an id or PERSONAL_WORKSPACE) with the label to show. */
  workspaces: { value: string; label: string }[];
}

export function OverviewFilters(props: {
  filter: OverviewFilter;
  choices: FilterChoices;
  onChange: (filter: OverviewFilter) => void;
}) {
  const t = useT();
  const id = useId();
  const { filter, onChange } = props;
  const set = (patch: Partial<OverviewFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset className="overview-filters">
      <legend>{t('overview.filter.legend')}</legend>
      <div className="overview-filter">
        <label htmlFor={`${id}-stage`}>{t('overview.filter.stage')}</label>
        <select
          id={`${id}-stage`}
          value={filter.stage ?? ''}
          onChange={(event) => {
            const parsed = StageSchema.safeParse(event.target.value);
            set({ stage: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">{t('overview.filter.allStages')}</option>
          {stages.map((stage) => (
            <option key={stage} value={stage}>
              {t(`cycle.stage.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor={`${id}-teacher`}>{t('overview.filter.teacher')}</label>
        <select
          id={`${id}-teacher`}
          value={filter.teacherId ?? ''}
          onChange={(event) => set({ teacherId: event.target.value || null })}
        >
          <option value="">{t('overview.filter.allTeachers')}</option>
          {props.choices.teachers.map((teacher) => (
            <option key={teacher.id} value={teacher.id}>
              {teacher.name}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor={`${id}-workspace`}>{t('overview.filter.workspace')}</label>
        <select
          id={`${id}-workspace`}
          value={filter.workspace ?? ''}
          onChange={(event) => set({ workspace: event.target.value || null })}
        >
          <option value="">{t('overview.filter.allWorkspaces')}</option>
          {props.choices.workspaces.map((workspace) => (
            <option key={workspace.value} value={workspace.value}>
              {workspace.label}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter overview-filter--text">
        <label htmlFor={`${id}-text`}>{t('overview.filter.text')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          onChange={(event) => set({ text: event.target.value })}
        />
      </div>
      <div className="overview-filter overview-filter--check">
        <input
          id={`${id}-attention`}
          type="checkbox"
          checked={filter.needsAttention}
          onChange={(event) => set({ needsAttention: event.target.checked })}
        />
        <label htmlFor={`${id}-attention`}>{t('overview.filter.attention')}</label>
      </div>
      <button type="button" disabled={!isFiltered(filter)} onClick={() => onChange(NO_FILTER)}>
        {t('overview.filter.clear')}
      </button>
    </fieldset>
  );
}
