/** "Simpan versi": a name and a button; warns when local changes have not reached the server (the server saves what it has). */
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../components/i18n';

export function SaveVersionForm(props: { busy: boolean; pending: number; onSave(name: string): Promise<boolean> }) {
  const t = useT();
  const [name, setName] = useState('');
  const inputId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    if (await props.onSave(name.trim())) setName('');
  };

  return (
    <form className="version-save" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>{t('versions.save.label')}</label>
      <input
        id={inputId}
        value={name}
        maxLength={120}
        required
        aria-describedby={hintId}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="primary" disabled={props.busy || name.trim() === ''}>
        {t('versions.save.button')}
      </button>
      <span id={hintId} className="muted version-save-hint">
        {props.pending > 0 ? t('versions.save.unsynced') : t('versions.save.hint')}
      </span>
    </form>
  );
}
