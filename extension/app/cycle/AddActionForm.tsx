/**
 * A new follow-up action: what (required), who (the writer by default), by when (optional), and
 * the reflection items it answers as a list of checkboxes (improvements and fix-notes first).
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import type { NewAction } from '../../../shared/mentoring/cycle-doc';
import { FollowUpActionSchema, type ItemRef } from '../../../shared/mentoring/cycle-schema';
import { useT } from '../../components/i18n';
import { itemSummary } from './item-label';
import type { ReflectionItem } from './reflection-items';

const MAX_WHAT = FollowUpActionSchema.shape.what.maxLength ?? undefined;
const MAX_WHO = FollowUpActionSchema.shape.who.maxLength ?? undefined;

export function AddActionForm(props: {
  items: readonly ReflectionItem[];
  preselected: ItemRef | null;
  defaultWho: string;
  onAdd: (input: NewAction) => void;
}) {
  const t = useT();
  const headingId = useId();
  const whatId = useId();
  const whoId = useId();
  const dueId = useId();
  const errorId = useId();
  const [what, setWhat] = useState('');
  const [who, setWho] = useState(props.defaultWho);
  const [due, setDue] = useState('');
  const [links, setLinks] = useState<ItemRef[]>(props.preselected ? [props.preselected] : []);
  const [problem, setProblem] = useState(false);
  const [added, setAdded] = useState(false);
  const whatField = useRef<HTMLInputElement>(null);

  const toggle = (ref: ItemRef, checked: boolean) =>
    setLinks((current) => (checked ? [...current, ref] : current.filter((entry) => entry !== ref)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!what.trim()) {
      setProblem(true);
      setAdded(false);
      whatField.current?.focus();
      return;
    }
    // Only items still there (one may have been removed since it was ticked).
    const known = links.filter((ref) => props.items.some((item) => item.ref === ref));
    props.onAdd({ what, who, due: /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null, links: known });
    setWhat('');
    setDue('');
    setLinks([]);
    setProblem(false);
    setAdded(true);
  };

  return (
    <form className="plan-new" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="plan-new-heading">
        {t('cycle.plan.new')}
      </h3>
      <div className="plan-new-field">
        <label htmlFor={whatId}>{t('cycle.plan.what')}</label>
        <input
          ref={whatField}
          id={whatId}
          type="text"
          required
          maxLength={MAX_WHAT}
          aria-invalid={problem || undefined}
          aria-describedby={problem ? errorId : undefined}
          value={what}
          onChange={(event) => setWhat(event.target.value)}
        />
        {problem && (
          <p id={errorId} className="problem" role="alert">
            {t('cycle.plan.whatRequired')}
          </p>
        )}
      </div>
      <div className="plan-new-row">
        <div className="plan-new-field">
          <label htmlFor={whoId}>{t('cycle.plan.who')}</label>
          <input
            id={whoId}
            type="text"
            maxLength={MAX_WHO}
            value={who}
            onChange={(event) => setWho(event.target.value)}
          />
        </div>
        <div className="plan-new-field">
          <label htmlFor={dueId}>{t('cycle.plan.due')}</label>
          <input id={dueId} type="date" value={due} onChange={(event) => setDue(event.target.value)} />
        </div>
      </div>
      <fieldset className="plan-new-links">
        <legend>{t('cycle.plan.links')}</legend>
        {props.items.length === 0 ? (
          <p className="muted">{t('cycle.plan.noItems')}</p>
        ) : (
          <ul>
            {props.items.map((item) => (
              <li key={item.ref}>
                <label data-column={item.column}>
                  <input
                    type="checkbox"
                    value={item.ref}
                    checked={links.includes(item.ref)}
                    onChange={(event) => toggle(item.ref, event.target.checked)}
                  />{' '}
                  {itemSummary(t, item)}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <button type="submit" className="primary">
        {t('cycle.plan.add')}
      </button>
      <p className="muted" aria-live="polite">
        {added && t('cycle.plan.added')}
      </p>
    </form>
  );
}
