/**
 * Email sign-in: the address, then the 6-digit code mailed to it (the mail's link works as
 * well, in any tab). The answer is the same whether or not the address may sign in.
 */
import { type FormEvent, useId, useState } from 'react';
import type { SigninResponse } from '../../../shared/protocol/auth-api';
import type { ApiFailureReason } from '../../api/api-transport';
import type { AuthClient } from '../../api/auth-client';
import { useLanguage, useT } from '../../components/i18n';
import { SigninProblem } from './SigninProblem';

export function EmailSignIn(props: { auth: AuthClient; onSignedIn: (response: SigninResponse) => void }) {
  const t = useT();
  const [language] = useLanguage();
  const ids = { email: useId(), code: useId() };
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'sending' | 'checking' | null>(null);
  const [problem, setProblem] = useState<ApiFailureReason | null>(null);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const address = (sentTo ?? email).trim();
    setBusy('sending');
    setProblem(null);
    const result = await props.auth.emailStart(address, language);
    setBusy(null);
    if (result.ok) {
      setSentTo(address);
      setCode('');
    } else setProblem(result.reason);
  };
  const verify = async (event: FormEvent) => {
    event.preventDefault();
    if (!sentTo) return;
    setBusy('checking');
    setProblem(null);
    const result = await props.auth.emailVerify(sentTo, code);
    setBusy(null);
    if (result.ok) props.onSignedIn(result.value);
    else setProblem(result.reason);
  };

  if (!sentTo) {
    return (
      <form className="email-sign-in" onSubmit={(event) => void send(event)}>
        <SigninProblem reason={problem} />
        <label htmlFor={ids.email}>{t('signin.email.label')}</label>
        <div className="inline-form">
          <input
            id={ids.email}
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'sending' ? t('signin.email.sending') : t('signin.email.send')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <form className="email-sign-in" onSubmit={(event) => void verify(event)}>
      <p role="status">{t('signin.email.sent', { email: sentTo })}</p>
      {problem === 'bad-request' ? (
        <p role="alert" className="problem">
          {t('signin.code.wrong')}
        </p>
      ) : (
        <SigninProblem reason={problem} />
      )}
      <label htmlFor={ids.code}>{t('signin.code.label')}</label>
      <div className="inline-form">
        <input
          id={ids.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          required
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'checking' ? t('signin.code.checking') : t('signin.code.submit')}
        </button>
      </div>
      <p className="sign-in-actions">
        <button type="button" className="link-button" disabled={busy !== null} onClick={() => void send()}>
          {t('signin.code.again')}
        </button>
        <button type="button" className="link-button" onClick={() => setSentTo(null)}>
          {t('signin.code.otherAddress')}
        </button>
      </p>
    </form>
  );
}
