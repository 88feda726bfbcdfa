/** Dates as people read them in the UI language; the ISO string stays in `<time dateTime>`. */
import type { Language } from '../../../shared/i18n';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
