/** React access to the UI language: `const t = useT()` in any component under <I18nProvider>. */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { createTranslator, type Language, type Translate } from '../../shared/i18n';

interface I18nValue {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: {
  language: Language;
  onLanguageChange: (language: Language) => void;
  children: ReactNode;
}) {
  const { language, onLanguageChange } = props;
  const value = useMemo(
    () => ({ language, t: createTranslator(language), setLanguage: onLanguageChange }),
    [language, onLanguageChange],
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
