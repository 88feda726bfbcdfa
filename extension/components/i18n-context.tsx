/**
 * React access to the UI language: `const t = useT()` in any component under a provider. The
 * provider is given its translator, so a page loads only the catalogues it shows: the editor all
 * of them (I18nProvider in ./i18n), the extension's own pages their own (ExtensionPage).
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Translate } from '../../shared/i18n';
import type { Language } from '../../shared/i18n/languages';

interface I18nValue {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function TranslationProvider(props: {
  language: Language;
  translatorOf: (language: Language) => Translate;
  onLanguageChange: (language: Language) => void;
  children: ReactNode;
}) {
  const { language, translatorOf, onLanguageChange } = props;
  const value = useMemo(
    () => ({ language, t: translatorOf(language), setLanguage: onLanguageChange }),
    [language, translatorOf, onLanguageChange],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() used outside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useI18n();
  return [language, setLanguage];
}
