/** A translator over one set of catalogues: the language's string, else Indonesian's, else the key itself. */
import type { Language } from './languages';

export type Catalogues = Record<Language, Record<string, string>>;

export function translatorFrom(
  catalogues: Catalogues,
  language: Language,
): (key: string, params?: Record<string, string | number>) => string {
  const catalogue = catalogues[language];
  return (key, params) => {
    const template = catalogue[key] ?? catalogues.id[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
  };
}
