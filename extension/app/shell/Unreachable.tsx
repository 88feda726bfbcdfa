/** Signed in, but the server cannot be asked who we are and this device has never seen the answer. */
import type { ApiFailureReason } from '../../api/api-client';
import { useT } from '../../components/i18n';

export function Unreachable(props: { problem: ApiFailureReason; onRetry: () => void }) {
  const t = useT();
  return (
    <main className="panel">
      <p role="alert" className="problem">
        {t(`error.${props.problem}`)}
      </p>
      <p>{t('editor.session.unreachableHint')}</p>
      <button type="button" className="primary" onClick={props.onRetry}>
        {t('editor.session.retry')}
      </button>
    </main>
  );
}
