/** Sizes as people read them: "820 B", "12,5 KB", "3,1 MB" in the UI language (powers of 1000). */
import type { Language } from '../../../shared/i18n';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}
