/** Asks for an optional note before the stage moves; the note goes into the stage history. */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { StageMoveSchema } from '../../../shared/mentoring/cycle-schema';
import type { Stage } from '../../../shared/model/stages';
import { useT } from '../../components/i18n';

const MAX_NOTE = StageMoveSchema.shape.note.maxLength ?? undefined;

export function StageMoveForm(props: { to: Stage; onMove: (note: string) => void; onCancel: () => void }) {
  const t = useT();
  const headingId = useId();
  const noteId = useId();
  const hintId = useId();
  const [note, setNote] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const stage = t(`cycle.stage.${props.to}`);

  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onMove(note);
  };

  return (
    <form className="stage-move-form" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{t('cycle.move.heading', { stage })}</h3>
      <label htmlFor={noteId}>{t('cycle.move.note')}</label>
      <textarea
        ref={field}
        id={noteId}
        rows={2}
        maxLength={MAX_NOTE}
        aria-describedby={hintId}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onCancel();
        }}
      />
      <p id={hintId} className="muted">
        {t('cycle.move.noteHint')}
      </p>
      <div className="stage-move-actions">
        <button type="submit" className="primary">
          {t('cycle.move.confirm', { stage })}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cycle.move.cancel')}
        </button>
      </div>
    </form>
  );
}
