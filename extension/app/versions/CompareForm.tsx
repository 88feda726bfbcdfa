/** Compare any two: an older and a newer version (or "now", the current content). */
import { type FormEvent, useId, useState } from 'react';
import type { VersionInfo } from '../../../shared/versions/version-schema';
import { useT } from '../../components/i18n';

export function CompareForm(props: {
  versions: readonly VersionInfo[];
  nameOf(id: string): string;
  onCompare(fromId: string, toId: string): void;
}) {
  const t = useT();
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState(props.versions[0]?.id ?? 'now');
  const [to, setTo] = useState('now');
  const options = ['now', ...props.versions.map((version) => version.id)];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from !== to) props.onCompare(from, to);
  };

  return (
    <form className="version-compare" onSubmit={submit}>
      <h3>{t('versions.compare.heading')}</h3>
      <label htmlFor={fromId}>{t('versions.compare.from')}</label>
      <select id={fromId} value={from} onChange={(event) => setFrom(event.target.value)}>
        {options.map((id) => (
          <option key={id} value={id}>
            {props.nameOf(id)}
          </option>
        ))}
      </select>
      <label htmlFor={toId}>{t('versions.compare.to')}</label>
      <select id={toId} value={to} onChange={(event) => setTo(event.target.value)}>
        {options.map((id) => (
          <option key={id} value={id}>
            {props.nameOf(id)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={from === to}>
        {t('versions.compare.button')}
      </button>
      {from === to && <span className="muted">{t('versions.compare.same')}</span>}
    </form>
  );
}
