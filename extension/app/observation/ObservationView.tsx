/**
 * The classroom observation view (`?draft=<id>&view=observe`): made for a mentor's phone during
 * the try-out lesson, with no internet. One column: where the notes stand (sent or kept on this
 * device), a quick note form, then every note, newest first. Notes live in the draft's feedback
 * document (shared/mentoring/cycle-doc.ts), written in the user's own name; the content document is
 * only read, for the headings a note can be tied to. Nothing here loads from the network.
 */
import { useId, useState } from 'react';
import { addObservation, deleteObservation, editObservation } from '../../../shared/mentoring/cycle-doc';
import type { FeedbackAuthor } from '../../../shared/mentoring/threads';
import { useLanguage, useT } from '../../components/i18n';
import type { DraftConnection } from '../../sync/draft-connection';
import { RefusedChangesNotice } from '../common/RefusedChangesNotice';
import type { DraftSession } from '../common/use-draft-connection';
import type { FeedbackRights } from '../feedback/feedback-rights';
import { formatTimeOfDay } from './note-delivery';
import { ObservationForm } from './ObservationForm';
import { ObservationNoteCard } from './ObservationNoteCard';
import { ObservationSyncNote } from './ObservationSyncNote';
import { useMediaSections, useNoteDelivery, useObservations } from './use-observations';

export interface ObservationViewProps {
  /** The draft's content document (to tie a note to a part of the media). */
  content: DraftConnection;
  /** The draft's feedback document, where the notes live. */
  feedback: DraftSession;
  author: FeedbackAuthor;
  rights: FeedbackRights;
  win: Window;
}

export function ObservationView(props: ObservationViewProps) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const listHeadingId = useId();
  const { feedback, author, rights, win } = props;
  const doc = feedback.connection?.doc ?? null;
  const notes = useObservations(doc);
  const sections = useMediaSections(props.content.doc);
  const { deliveries, written } = useNoteDelivery(feedback.status);
  // A new form after each save: empty fields, the photo input cleared.
  const [formKey, setFormKey] = useState(0);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const refusal = feedback.writeRefusal;
  const reason = refusal?.code === 'read-only' ? 'read-only' : (refusal?.reason ?? 'malformed');
  return (
    <section className="observation-view" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('observation.heading')}</h2>
      <ObservationSyncNote status={feedback.status} />
      {feedback.discardedText && (
        <RefusedChangesNotice
          text={feedback.discardedText}
          win={win}
          message={t('observation.refused.lost', { reason: t(`feedback.refused.${reason}`) })}
        />
      )}
      {!doc ? (
        <p className="muted">{t('observation.opening')}</p>
      ) : rights.write ? (
        <>
          <p className="muted observation-intro">{t('observation.intro')}</p>
          <ObservationForm
            key={formKey}
            sections={sections}
            win={win}
            onSave={(values) => {
              const note = addObservation(doc, values, author);
              written(note.id);
              setSavedAt(note.createdAt);
              setFormKey((key) => key + 1);
            }}
          />
          <p className="observation-saved" aria-live="polite">
            {savedAt && t('observation.form.saved', { time: formatTimeOfDay(savedAt, language) })}
          </p>
        </>
      ) : (
        <p className="notice observation-read-only">{t('observation.readOnly')}</p>
      )}
      <h2 id={listHeadingId} className="observation-list-heading">
        {t('observation.list.heading', { count: notes.length })}
      </h2>
      {notes.length === 0 ? (
        <p className="muted">{doc ? t('observation.list.empty') : null}</p>
      ) : (
        <ol className="observation-list" aria-labelledby={listHeadingId}>
          {notes.map((note) => (
            <li key={note.id}>
              <ObservationNoteCard
                note={note}
                editable={rights.write && note.authorId === author.id}
                delivery={note.authorId === author.id ? (deliveries.get(note.id) ?? null) : null}
                sections={sections}
                win={win}
                onEdit={(values) => {
                  if (doc && editObservation(doc, note.id, values)) written(note.id);
                }}
                onDelete={() => {
                  if (doc) deleteObservation(doc, note.id);
                }}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
