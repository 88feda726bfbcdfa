/**
 * Frame of the popup, side panel and options pages: loads the settings (and follows changes saved
 * elsewhere), provides the UI language (saved when switched) and gives children the settings
 * through `useExtensionSettings()`.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Language } from '../../../shared/i18n/languages';
import { createPanelTranslator } from '../../../shared/i18n/panel';
import { TranslationProvider } from '../../components/i18n-context';
import { type AppSettings, extensionSettingsStore } from '../../settings/app-settings';
import { rememberFrameLanguage } from '../../settings/frame-language';

export const settingsStore = extensionSettingsStore(browser.storage.local);

interface SettingsValue {
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<AppSettings>;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function useExtensionSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useExtensionSettings() used outside <ExtensionPage>');
  return value;
}

/** `loading` shows until the settings are read (the popup's frame, the same as its static HTML). */
export function ExtensionPage(props: { children: ReactNode; loading?: ReactNode }) {
  const [settings, setSettings] = useState<AppSettings | null>(null);

  useEffect(() => {
    const load = () =>
      settingsStore.load().then(setSettings, (error: unknown) => console.error('settings could not be loaded', error));
    // Saved elsewhere (the options page, another panel): follow, so a side panel left open stays right.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((key) => key.startsWith('dampingi.settings'))) void load();
    };
    void load();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    if (!settings) return;
    document.documentElement.lang = settings.language;
    // The next popup's frame paints in it before the setting can be read (settings/frame-language.ts).
    rememberFrameLanguage(settings.language);
  }, [settings]);

  const save = useCallback(async (patch: Partial<AppSettings>) => {
    const next = await settingsStore.save(patch);
    setSettings(next);
    return next;
  }, []);
  const setLanguage = useCallback(
    (language: Language) => {
      save({ language }).catch((error: unknown) => console.error('language not saved', error));
    },
    [save],
  );

  if (!settings) return props.loading ?? null;
  return (
    // The extension pages' own strings only: not every editor screen's (issue 21).
    <TranslationProvider
      language={settings.language}
      translatorOf={createPanelTranslator}
      onLanguageChange={setLanguage}
    >
      <SettingsContext.Provider value={{ settings, save }}>{props.children}</SettingsContext.Provider>
    </TranslationProvider>
  );
}
