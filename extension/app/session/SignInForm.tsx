/**
 * The extension's own pages, signed out: first how to connect without copying anything (the web app's
 * "Hubungkan ekstensi"), then a token field for scripts and administrators.
 */
import { type FormEvent, useId, useState } from 'react';
import type { ApiFailureReason } from '../../api/api-client';
import { useT } from '../../components/i18n';

export function SignInForm(props: {
  /** Shown in the extension, where the server is the user's choice (set on the options page). */
  serverUrl: string | null;
  problem: ApiFailureReason | null;
  onSubmit: (token: string) => void;
}) {
  const t = useT();
  const [token, setToken] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) props.onSubmit(token.trim());
  };
  return (
    <form className="panel sign-in" onSubmit={submit}>
      <h1>{t('editor.signin.title')}</h1>
      <p>{t('pairing.panel.signedOut')}</p>
      {props.serverUrl && (
        <p>
          <a href={`${props.serverUrl}/editor.html`} target="_blank" rel="noopener noreferrer">
            {t('pairing.panel.openWeb')}
          </a>
        </p>
      )}
      <p className="muted">{t('editor.signin.hint')}</p>
      {props.serverUrl && <p className="muted">{t('editor.signin.server', { url: props.serverUrl })}</p>}
      {props.problem && (
        <p role="alert" className="problem">
          {t(`error.${props.problem}`)}
        </p>
      )}
      <label htmlFor={inputId}>{t('editor.signin.token')}</label>
      <input
        id={inputId}
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={512}
        required
        value={token}
        onChange={(event) => setToken(event.target.value)}
      />
      <button type="submit" className="primary">
        {t('editor.signin.submit')}
      </button>
    </form>
  );
}
