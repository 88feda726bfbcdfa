/**
 * The options page: the server address, and one field that connects the extension — a pairing
 * code from the web app's "Hubungkan ekstensi", a pasted sign-in link (which names its server), or
 * a token. States: connecting, connected as <name>, refused with the reason.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessageKey, Translate } from '../../shared/i18n';
import { clipPreferences } from '../clip/clip-preferences';
import { settingsStore, useExtensionSettings } from '../clip/ui/ExtensionPage';
import { webAppUrl } from '../clip-panel/extension-pages';
import { useT } from '../components/i18n-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { normalizeServerUrl } from '../outbox/outbox';
import { storeConnection } from '../pairing/connect-extension';
import { connectFromOptions, type OptionsOutcome } from '../pairing/options-connect';

const preferences = clipPreferences(browser.storage.local);

/** Kept as message keys, not text, so the status follows a switch of language. */
type Status =
  | { key: 'clip.account.signedInAs'; name: string; tone: 'done' }
  | { key: 'pairing.options.refused'; reason: MessageKey; tone: 'problem' }
  | {
      key: 'pairing.options.savedUnverified' | 'pairing.options.addressSaved' | 'pairing.options.connecting';
      tone: 'info';
    };

const TONE_CLASS = { info: '', done: 'dampingi-done', problem: 'dampingi-error' } as const;

function statusText(t: Translate, status: Status): string {
  if (status.key === 'clip.account.signedInAs') return t(status.key, { name: status.name });
  if (status.key === 'pairing.options.refused') return t(status.key, { reason: t(status.reason) });
  return t(status.key);
}

export function OptionsPage() {
  const t = useT();
  const { settings, save } = useExtensionSettings();
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [connection, setConnection] = useState('');
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    if (!settings.token) return;
    void preferences.signedInAs(normalizeServerUrl(settings.serverUrl)).then((name) => {
      if (name) setStatus((current) => current ?? { key: 'clip.account.signedInAs', name, tone: 'done' });
    });
  }, [settings.serverUrl, settings.token]);

  const settle = async (outcome: OptionsOutcome): Promise<Status> => {
    if (outcome.kind === 'refused') {
      return { key: 'pairing.options.refused', reason: `pairing.failure.${outcome.reason}`, tone: 'problem' };
    }
    if (outcome.kind === 'connected') {
      const { connected } = outcome;
      await storeConnection(settingsStore, preferences, connected);
      setServerUrl(connected.serverUrl);
      // A code or link works once: it does not stay in the field.
      setConnection('');
      return connected.name === null
        ? { key: 'pairing.options.savedUnverified', tone: 'info' }
        : { key: 'clip.account.signedInAs', name: connected.name, tone: 'done' };
    }
    // Only the address: a token belongs to its server, so another server means signed out.
    const sameServer = normalizeServerUrl(outcome.serverUrl) === normalizeServerUrl(settings.serverUrl);
    await save(sameServer ? { serverUrl: outcome.serverUrl } : { serverUrl: outcome.serverUrl, token: null });
    setServerUrl(outcome.serverUrl);
    const name =
      sameServer && settings.token ? await preferences.signedInAs(normalizeServerUrl(outcome.serverUrl)) : null;
    return name
      ? { key: 'clip.account.signedInAs', name, tone: 'done' }
      : { key: 'pairing.options.addressSaved', tone: 'info' };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setStatus({ key: 'pairing.options.connecting', tone: 'info' });
    try {
      setStatus(await settle(await connectFromOptions(serverUrl, connection)));
    } catch (error) {
      console.error('options: connecting failed', error);
      setStatus({ key: 'pairing.options.refused', reason: 'pairing.failure.server-error', tone: 'problem' });
    } finally {
      setWorking(false);
    }
  };

  const web = settings.token ? null : webAppUrl(settings.serverUrl);
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
          <label htmlFor="connection">{t('pairing.options.connection')}</label>
          <input
            id="connection"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="connection-help"
            value={connection}
            onChange={(event) => setConnection(event.target.value)}
          />
          <p id="connection-help" className="dampingi-hint">
            {t('pairing.options.connectionHelp')}
          </p>
        </div>
        <div className="dampingi-actions">
          <button type="submit" className="dampingi-primary" disabled={working} aria-busy={working}>
            {t('clip.options.save')}
          </button>
        </div>
      </form>
      <p
        role="status"
        aria-live="polite"
        className={['dampingi-status', status && TONE_CLASS[status.tone]].filter(Boolean).join(' ')}
      >
        {status ? statusText(t, status) : ''}
      </p>
      {web && (
        <p>
          <a href={web} target="_blank" rel="noreferrer">
            {t('pairing.panel.openWeb')}
          </a>
        </p>
      )}
    </main>
  );
}
