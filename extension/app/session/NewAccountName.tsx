/** A code proved a new address: the person names the account it makes (with the ticket the code gave). */
import { type FormEvent, useId, useState } from 'react';
import type { SigninResponse } from '../../../shared/protocol/auth-api';
import type { ApiFailureReason } from '../../api/api-transport';
import type { AuthClient } from '../../api/auth-client';
import { useT } from '../../components/i18n';
import { SigninProblem } from './SigninProblem';

export function NewAccountName(props: {
  auth: AuthClient;
  email: string;
  ticket: string;
  onSignedIn: (response: SigninResponse) => void;
}) {
  const t = useT();
  const inputId = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiFailureReason | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await props.auth.signup(props.ticket, name);
    setBusy(false);
    if (result.ok) props.onSignedIn(result.value);
    else setProblem(result.reason);
  };
  return (
    <form className="panel sign-in" onSubmit={(event) => void submit(event)}>
      <h1>{t('signin.name.title')}</h1>
      <p>{t('signin.name.intro', { email: props.email })}</p>
      <SigninProblem reason={problem} />
      <label htmlFor={inputId}>{t('signin.name.label')}</label>
      <input
        id={inputId}
        autoComplete="name"
        required
        maxLength={80}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('signin.name.submit')}
      </button>
    </form>
  );
}
