/** "Last activity" as people say it: relative within the past week ("3 jam yang lalu"), else the date. */
import type { Language } from '../../../shared/i18n';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Map<Language, Intl.RelativeTimeFormat>();
const dates = new Map<Language, Intl.DateTimeFormat>();

export function activityTime(iso: string, now: number, language: Language): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const ago = now - at;
  if (ago >= 0 && ago < 7 * DAY) {
    let format = relative.get(language);
    if (!format) {
      format = new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto' });
      relative.set(language, format);
    }
    if (ago < MINUTE) return format.format(0, 'second');
    if (ago < HOUR) return format.format(-Math.floor(ago / MINUTE), 'minute');
    if (ago < DAY) return format.format(-Math.floor(ago / HOUR), 'hour');
    return format.format(-Math.floor(ago / DAY), 'day');
  }
  let format = dates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium' });
    dates.set(language, format);
  }
  return format.format(at);
}
