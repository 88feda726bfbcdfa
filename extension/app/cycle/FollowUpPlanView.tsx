/**
 * The follow-up plan: actions (what, who, by when, open or done), each linked to the reflection
 * items it answers; overdue ones marked "Terlambat". Owner and editors add, close and remove
 * actions; everyone else reads. A "Buat tindakan" link from the reflection preselects its item.
 */
import { useId, useMemo, useState } from 'react';
import { addAction, isOverdue, localDay, removeAction, updateAction } from '../../../shared/mentoring/cycle-doc';
import type { ItemRef } from '../../../shared/mentoring/cycle-schema';
import { useT } from '../../components/i18n';
import { ActionCard } from './ActionCard';
import { AddActionForm } from './AddActionForm';
import { CycleRefusal } from './CycleRefusal';
import { preselectedItem } from './plan-links';
import type { CycleViewProps } from './ReflectionView';
import { reflectionColumns } from './reflection-items';

export function FollowUpPlanView(props: CycleViewProps) {
  const t = useT();
  const headingId = useId();
  const { doc, cycle, win } = props;
  const canWrite = props.canWrite && doc !== null;
  const columns = useMemo(
    () => reflectionColumns(props.threads, cycle.observations),
    [props.threads, cycle.observations],
  );
  // What needs fixing is what a plan mostly answers: listed first.
  const items = useMemo(() => [...columns.fix, ...columns.keep], [columns]);
  const [preselected] = useState<ItemRef | null>(() => preselectedItem(win.location));
  const today = localDay();
  const actions = cycle.actions;
  const overdue = actions.filter((action) => isOverdue(action, today)).length;
  const done = actions.filter((action) => action.status === 'done').length;

  return (
    <section className="cycle-view plan-view" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cycle.plan.heading')}</h2>
      <p className="muted">{t('cycle.plan.intro')}</p>
      {!canWrite && <p className="muted">{t('cycle.plan.readOnly')}</p>}
      <CycleRefusal refusal={props.refusal} reasons={['may-not-plan', 'malformed']} />
      {!doc ? (
        <p className="muted">{t('cycle.opening')}</p>
      ) : (
        <>
          <p className="plan-counts">{t('cycle.plan.counts', { open: actions.length - done, overdue, done })}</p>
          {actions.length === 0 ? (
            <p className="muted">{t('cycle.plan.empty')}</p>
          ) : (
            <ol className="plan-actions">
              {actions.map((action) => (
                <li key={action.id}>
                  <ActionCard
                    action={action}
                    overdue={isOverdue(action, today)}
                    items={items}
                    canWrite={canWrite}
                    onStatus={(status) => updateAction(doc, action.id, { status })}
                    onRemove={() => {
                      if (win.confirm(t('cycle.plan.removeConfirm', { what: action.what })))
                        removeAction(doc, action.id);
                    }}
                  />
                </li>
              ))}
            </ol>
          )}
          {canWrite && (
            <AddActionForm
              items={items}
              preselected={preselected}
              defaultWho={props.author.name}
              onAdd={(input) => addAction(doc, input, props.author)}
            />
          )}
        </>
      )}
    </section>
  );
}
