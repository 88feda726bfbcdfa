/** How a reflection item and a follow-up action's day are named in words (lists, links, checkboxes). */
import type { Language, Translate } from '../../../shared/i18n';
import { excerpt, type ReflectionItem } from './reflection-items';

export function itemLabel(t: Translate, item: ReflectionItem): string {
  return item.source === 'thread'
    ? t('cycle.reflect.threadLabel', { kind: t(`feedback.kind.${item.kind}`), name: item.authorName })
    : t('cycle.reflect.observationLabel', { name: item.authorName, tag: t(`cycle.tag.${item.tag}`) });
}

/** The label with a short excerpt of the item's text: "Perbaikan dari Pak Budi: “Tambahkan contoh.”". */
export function itemSummary(t: Translate, item: ReflectionItem): string {
  const text = excerpt(item.body || item.quote || '');
  return text ? `${itemLabel(t, item)}: “${text}”` : itemLabel(t, item);
}

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** A calendar day (YYYY-MM-DD) as people read it; the day itself, whatever the time zone. */
export function formatDay(day: string, language: Language): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
