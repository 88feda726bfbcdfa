/** The options page: server address and token, checked against the server (`/api/me`) on save. */
import { type FormEvent, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { clipPreferences } from '../clip/clip-preferences';
import { checkSignIn } from '../clip/sign-in';
import { useExtensionSettings } from '../clip/ui/ExtensionPage';
import { useT } from '../components/i18n';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { normalizeServerUrl } from '../outbox/outbox';

const preferences = clipPreferences(browser.storage.local);

export function OptionsPage() {
  const t = useT();
  const { settings, save } = useExtensionSettings();
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [token, setToken] = useState(settings.token ?? '');
  const [checking, setChecking] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!settings.token) return;
    void preferences.signedInAs(normalizeServerUrl(settings.serverUrl)).then((name) => {
      if (name) setStatus((current) => current || t('clip.account.signedInAs', { name }));
    });
  }, [settings.serverUrl, settings.token, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    setStatus(t('clip.options.checking'));
    const result = await checkSignIn(serverUrl, token);
    if (result.save) {
      await save({ serverUrl: result.serverUrl, token: result.token });
      await preferences.setSignedInAs(normalizeServerUrl(result.serverUrl), result.name);
    }
    setStatus(
      result.outcome === 'signed-in'
        ? t('clip.account.signedInAs', { name: result.name ?? '' })
        : result.outcome === 'unverified'
          ? t('clip.options.savedUnverified', { reason: t('error.network') })
          : t('clip.options.notSaved', { reason: t(result.reasonKey) }),
    );
    setChecking(false);
  };

  return (
    <main className="dampingi-page dampingi-options">
      <header className="dampingi-header">
        <h1>{t('clip.options.title')}</h1>
        <LanguageSwitch />
      </header>
      <form onSubmit={(event) => void submit(event)} noValidate className="dampingi-page">
        <div className="dampingi-field">
          <label htmlFor="server-url">{t('clip.options.serverUrl')}</label>
          <input
            id="server-url"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={serverUrl}
            onChange={(event) => setServerUrl(event.target.value)}
          />
        </div>
        <div className="dampingi-field">
          <label htmlFor="token">{t('clip.options.token')}</label>
          <input
            id="token"
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="token-help"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
          <p id="token-help" className="dampingi-hint">
            {t('clip.options.tokenHelp')}
          </p>
        </div>
        <div className="dampingi-actions">
          <button type="submit" disabled={checking} aria-busy={checking}>
            {t('clip.options.save')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="dampingi-status">
        {status}
      </p>
    </main>
  );
}
