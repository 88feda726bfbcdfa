/**
 * One classroom note in the list: time of day and tag (its name), keep/fix, author, the part of
 * the media, text, photo thumbnail, and whether it has reached the server. Its author may edit or
 * delete it; anyone else only reads it.
 */
import { useId, useState } from 'react';
import type { Observation } from '../../../shared/mentoring/cycle-schema';
import { useLanguage, useT } from '../../components/i18n';
import type { MediaSection } from './media-sections';
import { formatTimeOfDay, type NoteDelivery } from './note-delivery';
import { type NoteValues, ObservationForm } from './ObservationForm';

export function ObservationNoteCard(props: {
  note: Observation;
  /** The user wrote it and may still write notes. */
  editable: boolean;
  delivery: NoteDelivery | null;
  sections: MediaSection[];
  onEdit: (values: NoteValues) => void;
  onDelete: () => void;
  win: Window;
}) {
  const t = useT();
  const [language] = useLanguage();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [enlarged, setEnlarged] = useState(false);
  const { note } = props;
  const time = formatTimeOfDay(note.createdAt, language);

  return (
    <article
      className={`observation-note observation-note--${note.tone}`}
      aria-labelledby={titleId}
      data-observation-id={note.id}
      data-tag={note.tag}
      data-tone={note.tone}
      data-delivery={props.delivery ?? undefined}
    >
      <h3 id={titleId}>
        <time dateTime={note.createdAt}>{time}</time>
        {` · ${t(`cycle.tag.${note.tag}`)}`}
      </h3>
      <p className={`observation-note-tone observation-note-tone--${note.tone}`}>{t(`cycle.tone.${note.tone}`)}</p>
      <p className="muted observation-note-meta">
        {t('observation.note.by', { name: note.authorName })}
        {note.editedAt && ` ${t('observation.note.edited')}`}
      </p>
      {props.delivery && (
        <p className={`observation-delivery observation-delivery--${props.delivery}`}>
          {t(props.delivery === 'unsent' ? 'observation.note.unsent' : 'observation.note.sent')}
        </p>
      )}
      {editing ? (
        <ObservationForm
          sections={props.sections}
          initial={note}
          win={props.win}
          onSave={(values) => {
            props.onEdit(values);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {note.anchor && (
            <p className="observation-note-section">
              {t('observation.note.section')} <q>{note.anchor.quote}</q>
            </p>
          )}
          {note.body && <p className="observation-note-body">{note.body}</p>}
          {note.photo && (
            <button
              type="button"
              className={`observation-thumb${enlarged ? ' is-enlarged' : ''}`}
              aria-pressed={enlarged}
              aria-label={t('observation.note.photoEnlarge')}
              onClick={() => setEnlarged((value) => !value)}
            >
              <img src={note.photo} alt={t('observation.note.photo', { time })} />
            </button>
          )}
          {props.editable && (
            <div className="observation-note-actions">
              <button type="button" onClick={() => setEditing(true)}>
                {t('observation.note.edit')}
              </button>
              <button
                type="button"
                onClick={() => {
                  if (props.win.confirm(t('observation.note.deleteConfirm'))) props.onDelete();
                }}
              >
                {t('observation.note.delete')}
              </button>
            </div>
          )}
        </>
      )}
    </article>
  );
}
