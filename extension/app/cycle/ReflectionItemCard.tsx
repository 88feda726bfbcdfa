/**
 * One reflection item (a feedback thread or an observation note) as an article: who, when, the tag
 * or kind in words, the quoted part of the media, the photo; then the teacher's reflection on it,
 * saved when they pause or leave the field, and a link to plan an action that answers it.
 */
import { useId } from 'react';
import type * as Y from 'yjs';
import { setItemReflection } from '../../../shared/mentoring/cycle-doc';
import type { ItemReflection } from '../../../shared/mentoring/cycle-schema';
import type { FeedbackAuthor } from '../../../shared/mentoring/threads';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { itemLabel } from './item-label';
import { planHrefFor } from './plan-links';
import type { ReflectionItem } from './reflection-items';
import { useAutosavedText } from './use-autosaved-text';

export function ReflectionItemCard(props: {
  item: ReflectionItem;
  draftId: string;
  doc: Y.Doc;
  reflection: ItemReflection | null;
  canWrite: boolean;
  author: FeedbackAuthor;
}) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const fieldId = useId();
  const { item, doc, reflection, author } = props;
  const text = useAutosavedText(reflection?.text ?? '', (value) => setItemReflection(doc, item.ref, value, author));
  const label = itemLabel(t, item);

  return (
    <article
      className={`reflection-item reflection-item--${item.source}`}
      aria-labelledby={headingId}
      data-item={item.ref}
      data-source={item.source}
    >
      <header className="reflection-item-header">
        <h4 id={headingId}>{label}</h4>
        <time className="muted" dateTime={item.at}>
          {formatDateTime(item.at, language)}
        </time>
        {item.source === 'thread' && item.resolved && (
          <span className="feedback-status feedback-status--resolved">{t('cycle.reflect.resolved')}</span>
        )}
      </header>
      {item.quote && (
        <blockquote className="feedback-quote" aria-label={t('cycle.reflect.quote')}>
          {item.quote}
        </blockquote>
      )}
      <p className={`reflection-item-body${item.body ? '' : ' muted'}`}>{item.body || t('cycle.reflect.noBody')}</p>
      {item.source === 'observation' && item.photo && (
        <img className="reflection-item-photo" src={item.photo} alt={t('cycle.reflect.photo')} />
      )}
      <div className="reflection-item-own">
        {props.canWrite ? (
          <>
            <label htmlFor={fieldId}>{t('cycle.reflect.itemReflection')}</label>
            <textarea
              id={fieldId}
              rows={2}
              value={text.value}
              onChange={(event) => text.onChange(event.target.value)}
              onBlur={text.onBlur}
            />
          </>
        ) : (
          <>
            <p className="reflection-item-own-label">{t('cycle.reflect.itemReflection')}</p>
            <p className={reflection?.text ? undefined : 'muted'}>
              {reflection?.text || t('cycle.reflect.noReflection')}
            </p>
          </>
        )}
        {reflection?.text && (
          <p className="muted reflection-by">
            {t('cycle.reflect.reflectionBy', {
              name: reflection.byName,
              time: formatDateTime(reflection.at, language),
            })}
          </p>
        )}
      </div>
      {props.canWrite && (
        <a className="reflection-make-action" href={planHrefFor(props.draftId, item.ref)}>
          {t('cycle.reflect.makeAction')}
        </a>
      )}
    </article>
  );
}
