/** First run: the set-up code from the server's log, a name and (optionally) an address make the first administrator. */
import { type FormEvent, useId, useState } from 'react';
import type { SigninResponse } from '../../../shared/protocol/auth-api';
import type { ApiFailureReason } from '../../api/api-transport';
import type { AuthClient } from '../../api/auth-client';
import { useT } from '../../components/i18n';
import { SigninProblem } from './SigninProblem';

export function SetupForm(props: { auth: AuthClient; onSignedIn: (response: SigninResponse) => void }) {
  const t = useT();
  const ids = { code: useId(), name: useId(), email: useId() };
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiFailureReason | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await props.auth.setup({ code, name, ...(email.trim() ? { email: email.trim() } : {}) });
    setBusy(false);
    if (result.ok) props.onSignedIn(result.value);
    else setProblem(result.reason);
  };
  return (
    <form className="panel sign-in" onSubmit={(event) => void submit(event)}>
      <h1>{t('signin.setup.title')}</h1>
      <p>{t('signin.setup.intro')}</p>
      {problem === 'bad-request' ? (
        <p role="alert" className="problem">
          {t('signin.setup.wrongCode')}
        </p>
      ) : (
        <SigninProblem reason={problem} />
      )}
      <label htmlFor={ids.code}>{t('signin.setup.code')}</label>
      <input
        id={ids.code}
        autoComplete="one-time-code"
        spellCheck={false}
        required
        maxLength={20}
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      <label htmlFor={ids.name}>{t('signin.setup.name')}</label>
      <input
        id={ids.name}
        autoComplete="name"
        required
        maxLength={80}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={ids.email}>{t('signin.setup.email')}</label>
      <input
        id={ids.email}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('signin.setup.submit')}
      </button>
    </form>
  );
}
