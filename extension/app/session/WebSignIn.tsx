/**
 * The web app's sign-in page: first-run set-up while the server has no administrator; otherwise
 * the school account button and email sign-in, whichever this server offers — and the step a
 * one-time link left (a name for a new account, or why it did not work). A guest comes here to
 * keep her account (`upgrading`). Once signed in, the page reloads where the person was going.
 */
import { useMemo, useState } from 'react';
import type { SigninResponse } from '../../../shared/protocol/auth-api';
import { authPaths } from '../../../shared/protocol/auth-api';
import { createAuthClient } from '../../api/auth-client';
import { useT } from '../../components/i18n';
import { EDITOR_PAGE } from '../common/page-route';
import { peekAfterSignIn, takeAfterSignIn } from './after-sign-in';
import { EmailSignIn } from './EmailSignIn';
import { NewAccountName } from './NewAccountName';
import type { SignInStep } from './page-start';
import { SetupForm } from './SetupForm';
import { SigninProblem } from './SigninProblem';
import { useAuthOptions } from './use-auth-options';

export function WebSignIn(props: {
  serverUrl: string;
  step: SignInStep | null;
  /** A guest keeping her account: says so, and never offers set-up. */
  upgrading: boolean;
  win: Window;
}) {
  const t = useT();
  const { win } = props;
  const auth = useMemo(() => createAuthClient(props.serverUrl, null, 'web'), [props.serverUrl]);
  const [options, retry] = useAuthOptions(auth);
  const [step, setStep] = useState(props.step);
  const [done, setDone] = useState(false);

  const onSignedIn = (response: SigninResponse) => {
    if (response.status === 'needs-name') {
      setStep({ kind: 'needs-name', email: response.email, ticket: response.ticket });
      return;
    }
    setDone(true);
    const target = response.draftId
      ? `${EDITOR_PAGE}?draft=${encodeURIComponent(response.draftId)}`
      : (takeAfterSignIn(win.localStorage) ?? EDITOR_PAGE);
    win.location.replace(target);
  };

  if (done) return <p className="panel muted">{t('signin.signedIn')}</p>;
  if (step?.kind === 'needs-name') {
    return <NewAccountName auth={auth} email={step.email} ticket={step.ticket} onSignedIn={onSignedIn} />;
  }
  if (options.status === 'loading') return <p className="panel muted">{t('signin.loading')}</p>;
  if (options.status === 'failed') {
    return (
      <main className="panel sign-in">
        <h1>{t('signin.title')}</h1>
        <SigninProblem reason={options.problem} />
        <button type="button" onClick={retry}>
          {t('editor.session.retry')}
        </button>
      </main>
    );
  }
  const { setupNeeded, email, oidc, allowedDomains } = options.options;
  if (setupNeeded && !props.upgrading) return <SetupForm auth={auth} onSignedIn={onSignedIn} />;
  // The school sign-in comes back to the page the person was on (e.g. a share link being joined).
  const returnTo = takeReturnPath(win);
  return (
    <main className="panel sign-in">
      <h1>{t('signin.title')}</h1>
      <p>{props.upgrading ? t('signin.guest.intro') : t('signin.intro')}</p>
      <SigninProblem reason={step?.kind === 'problem' ? step.reason : null} />
      {oidc && (
        <p>
          <a
            className="button primary school-sign-in"
            href={`${authPaths.oidcStart}?return=${encodeURIComponent(returnTo)}`}
          >
            {t('signin.school', { name: oidc.name })}
          </a>
        </p>
      )}
      {oidc && email && <p className="sign-in-or muted">{t('signin.or')}</p>}
      {email && <EmailSignIn auth={auth} onSignedIn={onSignedIn} />}
      {!oidc && !email && <p>{t('signin.none')}</p>}
      {(oidc || email) && (
        <p className="muted">
          {allowedDomains.length > 0
            ? t('signin.domains', { domains: allowedDomains.map((domain) => `@${domain}`).join(', ') })
            : t('signin.invitedOnly')}
        </p>
      )}
    </main>
  );
}

/** The editor path to come back to after a school sign-in: a remembered share link, else the start page. */
function takeReturnPath(win: Window): string {
  const path = peekAfterSignIn(win.localStorage) ?? EDITOR_PAGE;
  return path.startsWith('/') ? path : `/${path}`;
}
