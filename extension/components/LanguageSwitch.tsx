/** Two buttons to switch between Bahasa Indonesia and English; the current one is pressed. */
import { languages } from '../../shared/i18n/languages';
import { useLanguage, useT } from './i18n-context';

export function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <fieldset className="language-switch" aria-label={t('language.label')}>
      {languages.map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => setLanguage(code)}>
          {code.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
