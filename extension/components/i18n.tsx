/**
 * The editor's UI language: every screen's strings. The extension's own pages use
 * TranslationProvider with their own catalogues instead (./i18n-context); both share `useT()`.
 */
import type { ReactNode } from 'react';
import { createTranslator, type Language } from '../../shared/i18n';
import { TranslationProvider } from './i18n-context';

export { useLanguage, useT } from './i18n-context';

export function I18nProvider(props: {
  language: Language;
  onLanguageChange: (language: Language) => void;
  children: ReactNode;
}) {
  return (
    <TranslationProvider
      language={props.language}
      translatorOf={createTranslator}
      onLanguageChange={props.onLanguageChange}
    >
      {props.children}
    </TranslationProvider>
  );
}
