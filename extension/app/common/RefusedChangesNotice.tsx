/**
 * After the server refused this page's changes and the local copy was discarded: offers the text
 * of that copy, so nothing the user typed is silently lost. `message` says what was refused
 * (default: changes to the draft's content).
 */
import { useId, useState } from 'react';
import { useT } from '../../components/i18n';
import { copyText } from './copy-text';

export function RefusedChangesNotice(props: { text: string; win: Window; message?: string }) {
  const t = useT();
  const [copied, setCopied] = useState<boolean | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const textId = useId();
  if (dismissed) return null;
  return (
    <section className="notice refused-changes" data-testid="refused-changes">
      <p role="alert">{props.message ?? t('editor.refused.lost')}</p>
      <div className="refused-changes-actions">
        <button
          type="button"
          className="primary"
          onClick={async () => setCopied(await copyText(props.win, props.text))}
        >
          {t('editor.refused.copy')}
        </button>
        <button type="button" className="link-button" onClick={() => setDismissed(true)}>
          {t('editor.refused.dismiss')}
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === true && t('editor.refused.copied')}
        {copied === false && t('editor.refused.copyFailed')}
      </p>
      {copied === false && (
        <>
          <label htmlFor={textId}>{t('editor.refused.textLabel')}</label>
          <textarea
            id={textId}
            readOnly
            rows={6}
            value={props.text}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </section>
  );
}
