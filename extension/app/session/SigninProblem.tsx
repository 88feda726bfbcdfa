/** Why a sign-in step did not work, in words a teacher can act on. */
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../components/i18n';
import type { SignInStep } from './page-start';

export type SigninProblemReason = Extract<SignInStep, { kind: 'problem' }>['reason'];

export function problemKey(reason: SigninProblemReason): MessageKey {
  if (reason.startsWith('signin-')) return `signin.problem.${reason}` as MessageKey;
  if (reason === 'gone' || reason === 'not-found') return 'signin.problem.link';
  return `error.${reason}` as MessageKey;
}

export function SigninProblem(props: { reason: SigninProblemReason | null }) {
  const t = useT();
  if (!props.reason) return null;
  return (
    <p role="alert" className="problem">
      {t(problemKey(props.reason))}
    </p>
  );
}
