/**
 * A classroom note, new or being edited: text, tag chips, keep/fix as two big buttons, the part
 * of the media it is about, and a photo. Radio inputs under the chips, so a screen reader and the
 * keyboard treat each group as one choice.
 */
import { type FormEvent, useId, useState } from 'react';
import {
  MAX_NOTE,
  type Observation,
  type ObservationTag,
  observationTags,
  type Tone,
} from '../../../shared/mentoring/cycle-schema';
import type { Anchor } from '../../../shared/mentoring/thread-schema';
import { useT } from '../../components/i18n';
import type { MediaSection } from './media-sections';
import { ObservationPhotoField } from './ObservationPhotoField';

export interface NoteValues {
  body: string;
  tag: ObservationTag;
  tone: Tone;
  anchor: Anchor | null;
  photo: string | null;
}

const tones: readonly Tone[] = ['keep', 'fix'];
/** The select's value for "keep the part this note already has" (its heading is gone or renamed). */
const KEPT = 'kept';

export function ObservationForm(props: {
  sections: MediaSection[];
  /** The note being edited; absent for a new one. */
  initial?: Observation;
  onSave: (values: NoteValues) => void;
  onCancel?: () => void;
  win: Window;
}) {
  const t = useT();
  const ids = { body: useId(), section: useId(), group: useId(), heading: useId() };
  const { initial, sections } = props;
  const [body, setBody] = useState(initial?.body ?? '');
  const [tag, setTag] = useState<ObservationTag | null>(initial?.tag ?? null);
  const [tone, setTone] = useState<Tone | null>(initial?.tone ?? null);
  const [sectionKey, setSectionKey] = useState(() => initialSection(initial, sections));
  const [photo, setPhoto] = useState<string | null>(initial?.photo ?? null);
  const [photoWorking, setPhotoWorking] = useState(false);
  const [problem, setProblem] = useState<'needTone' | 'needContent' | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tone) return setProblem('needTone');
    if (body.trim() === '' && !photo) return setProblem('needContent');
    const anchor =
      sectionKey === KEPT
        ? (initial?.anchor ?? null)
        : (sections.find((section) => section.key === sectionKey)?.anchor ?? null);
    setProblem(null);
    props.onSave({ body: body.trim(), tag: tag ?? 'other', tone, anchor, photo });
  };

  const editing = initial !== undefined;
  return (
    <form className="observation-form" onSubmit={submit} aria-labelledby={ids.heading} noValidate>
      <h3 id={ids.heading}>{t(editing ? 'observation.form.editHeading' : 'observation.form.heading')}</h3>
      <label htmlFor={ids.body}>{t('observation.form.body')}</label>
      <textarea
        id={ids.body}
        rows={3}
        maxLength={MAX_NOTE}
        value={body}
        placeholder={t('observation.form.bodyPlaceholder')}
        onChange={(event) => setBody(event.target.value)}
      />

      <fieldset className="observation-chips">
        <legend>{t('observation.form.tag')}</legend>
        {observationTags.map((value) => (
          <label key={value} className="observation-chip">
            <input
              type="radio"
              name={`${ids.group}-tag`}
              value={value}
              checked={tag === value}
              onChange={() => setTag(value)}
            />
            <span>{t(`cycle.tag.${value}`)}</span>
          </label>
        ))}
        <p className="muted observation-hint">{t('observation.form.tagHint')}</p>
      </fieldset>

      <fieldset className="observation-tones">
        <legend>{t('observation.form.tone')}</legend>
        {tones.map((value) => (
          <label key={value} className={`observation-tone observation-tone--${value}`}>
            <input
              type="radio"
              name={`${ids.group}-tone`}
              value={value}
              checked={tone === value}
              onChange={() => {
                setTone(value);
                if (problem === 'needTone') setProblem(null);
              }}
            />
            <span>{t(`cycle.tone.${value}`)}</span>
          </label>
        ))}
      </fieldset>

      <label htmlFor={ids.section}>{t('observation.form.section')}</label>
      <select id={ids.section} value={sectionKey} onChange={(event) => setSectionKey(event.target.value)}>
        <option value="">{t('observation.form.sectionNone')}</option>
        {sectionKey === KEPT && initial?.anchor && (
          <option value={KEPT}>{t('observation.form.sectionKept', { quote: initial.anchor.quote })}</option>
        )}
        {sections.map((section) => (
          <option key={section.key} value={section.key}>
            {`${'\u00a0\u00a0'.repeat(Math.max(0, section.level - 1))}${section.title}`}
          </option>
        ))}
      </select>
      {sections.length === 0 && <p className="muted observation-hint">{t('observation.form.sectionEmpty')}</p>}

      <ObservationPhotoField photo={photo} onChange={setPhoto} onWorking={setPhotoWorking} win={props.win} />

      {problem && (
        <p role="alert" className="problem">
          {t(`observation.form.${problem}`)}
        </p>
      )}
      <div className="observation-form-actions">
        <button type="submit" className="primary" disabled={photoWorking}>
          {t(editing ? 'observation.form.saveEdit' : 'observation.form.save')}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('observation.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** An edited note's part: the heading it still matches, else "kept" (its own anchor), else none. */
function initialSection(initial: Observation | undefined, sections: MediaSection[]): string {
  const anchor = initial?.anchor;
  if (!anchor) return '';
  const match =
    sections.find((section) => section.anchor.start === anchor.start) ??
    sections.find((section) => section.anchor.quote === anchor.quote);
  return match?.key ?? KEPT;
}
