/**
 * "Hubungkan ekstensi" in the web app's header: makes a one-time pairing code and hands it to the
 * extension in this browser (extension-handoff.ts). Connected: says as whom. No extension, or it
 * could not connect: shows the code large, where to type it and how long it is valid. The token
 * itself never comes to this page.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PairingFailure } from '../../../shared/protocol/pairing-messages';
import type { ApiFailureReason } from '../../api/api-transport';
import { createAuthClient } from '../../api/auth-client';
import { useLanguage, useT } from '../../components/i18n';
import { DialogButton, ModalDialog } from '../../components/ModalDialog';
import { formatDateTime } from '../common/format-time';
import { handCodeToExtension } from './extension-handoff';
import './account.css';

type Step =
  | { kind: 'creating' }
  | { kind: 'failed'; reason: ApiFailureReason }
  | { kind: 'handing'; code: string; expiresAt: string }
  | { kind: 'connected'; name: string }
  | { kind: 'show-code'; code: string; expiresAt: string; refused: PairingFailure | null };

export function ConnectExtension(props: { serverUrl: string; win: Window }) {
  const t = useT();
  return (
    <DialogButton
      label={t('pairing.connect.button')}
      dialog={(close) => <ConnectDialog serverUrl={props.serverUrl} win={props.win} onClose={close} />}
    />
  );
}

function ConnectDialog(props: { serverUrl: string; win: Window; onClose: () => void }) {
  const t = useT();
  const { serverUrl, win } = props;
  const auth = useMemo(() => createAuthClient(serverUrl, null, 'web'), [serverUrl]);
  const [step, setStep] = useState<Step>({ kind: 'creating' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` makes a new code on purpose.
  useEffect(() => {
    let current = true;
    setStep({ kind: 'creating' });
    void (async () => {
      const created = await auth.createPairingCode();
      if (!current) return;
      if (!created.ok) {
        setStep({ kind: 'failed', reason: created.reason });
        return;
      }
      const { code, expiresAt } = created.value;
      setStep({ kind: 'handing', code, expiresAt });
      const handed = await handCodeToExtension(win, code);
      if (!current) return;
      setStep(
        handed.kind === 'connected'
          ? { kind: 'connected', name: handed.name }
          : { kind: 'show-code', code, expiresAt, refused: handed.kind === 'refused' ? handed.reason : null },
      );
    })();
    return () => {
      current = false;
    };
  }, [auth, win, attempt]);

  return (
    <ModalDialog
      title={t('pairing.connect.title')}
      closeLabel={t('pairing.connect.close')}
      className="connect-dialog"
      onClose={props.onClose}
    >
      <div role="status" aria-live="polite">
        {step.kind === 'creating' && <p>{t('pairing.connect.creating')}</p>}
        {step.kind === 'handing' && <p>{t('pairing.connect.handing')}</p>}
        {step.kind === 'connected' && (
          <>
            <p className="connect-done">{t('pairing.connect.connected', { name: step.name })}</p>
            <p>{t('pairing.connect.connectedNext')}</p>
          </>
        )}
        {step.kind === 'failed' && (
          <p className="problem">{t('pairing.connect.failed', { reason: t(`error.${step.reason}`) })}</p>
        )}
        {step.kind === 'show-code' && (
          <CodeToType step={step} server={new URL(serverUrl).origin} onAgain={() => setAttempt((n) => n + 1)} />
        )}
      </div>
    </ModalDialog>
  );
}

function CodeToType(props: { step: Extract<Step, { kind: 'show-code' }>; server: string; onAgain: () => void }) {
  const t = useT();
  const [language] = useLanguage();
  const { code, expiresAt, refused } = props.step;
  const minutes = Math.max(1, Math.round((Date.parse(expiresAt) - Date.now()) / 60_000));
  return (
    <>
      <p>
        {refused
          ? t('pairing.connect.refused', { reason: t(`pairing.failure.${refused}`) })
          : t('pairing.connect.noExtension')}
      </p>
      <dl>
        <dt className="connect-code-label">{t('pairing.connect.codeLabel')}</dt>
        <dd className="connect-code">{code}</dd>
      </dl>
      <p>{t('pairing.connect.typeCode', { server: props.server })}</p>
      <p>{t('pairing.connect.validFor', { minutes, time: formatDateTime(expiresAt, language) })}</p>
      <button type="button" onClick={props.onAgain}>
        {t('pairing.connect.again')}
      </button>
    </>
  );
}
