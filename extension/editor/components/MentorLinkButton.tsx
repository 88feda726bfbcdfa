/** Copies the draft's web link, which a mentor without the extension can open in any browser. */
import { useId, useState } from 'react';
import { useT } from '../../components/i18n';
import { copyText } from '../copy-text';
import { mentorLink } from '../page-route';

export function MentorLinkButton(props: { serverUrl: string; draftId: string; win: Window }) {
  const t = useT();
  const [copied, setCopied] = useState<boolean | null>(null);
  const inputId = useId();
  const link = mentorLink(props.serverUrl, props.draftId);
  return (
    <div className="mentor-link">
      <button type="button" onClick={async () => setCopied(await copyText(props.win, link))}>
        {t('editor.mentorLink.copy')}
      </button>
      <span aria-live="polite" className="muted">
        {copied === true && t('editor.mentorLink.copied')}
        {copied === false && t('editor.mentorLink.copyFailed')}
      </span>
      {copied !== null && (
        <span className="mentor-link-field">
          <label htmlFor={inputId}>{t('editor.mentorLink.label')}</label>
          <input id={inputId} type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        </span>
      )}
    </div>
  );
}
