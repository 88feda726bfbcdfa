/**
 * The UI language for code outside React (ProseMirror node views): read it now, hear when it
 * changes. React code uses `useT()` instead.
 */
import { createTranslator, type Language, type Translate } from '../../../shared/i18n';

export interface Locale {
  language: Language;
  t: Translate;
}

export interface LocaleChannel {
  get(): Locale;
  set(language: Language): void;
  subscribe(listener: () => void): () => void;
}

export function createLocaleChannel(language: Language): LocaleChannel {
  let locale: Locale = { language, t: createTranslator(language) };
  const listeners = new Set<() => void>();
  return {
    get: () => locale,
    set(next) {
      if (next === locale.language) return;
      locale = { language: next, t: createTranslator(next) };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
