/** Creates a share link (role, expiry) and shows its address once, with a copy button. */
import { type FormEvent, useId, useState } from 'react';
import type { GrantableRole } from '../../../shared/auth/roles';
import type { CreateShareLinkRequest, CreateShareLinkResponse } from '../../../shared/protocol/api';
import { useT } from '../../components/i18n';
import { copyText } from '../common/copy-text';
import { shareLinkUrl } from '../common/page-route';
import { GrantableRoleSelect } from './GrantableRoleSelect';
import { expiryChoiceOf, expiryDays, type LinkExpiryChoice, linkExpiryChoices } from './share-link-state';

export function CreateShareLinkForm(props: {
  serverUrl: string;
  busy: boolean;
  win: Window;
  onCreate: (request: CreateShareLinkRequest) => Promise<CreateShareLinkResponse | null>;
}) {
  const t = useT();
  // Editor by default: today a mentor co-edits; the owner picks a narrower role when it fits.
  const [role, setRole] = useState<GrantableRole>('commenter');
  const [expiry, setExpiry] = useState<LinkExpiryChoice>('never');
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [expiryId, urlId] = [useId(), useId()];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setUrl(null);
    setCopied(null);
    const created = await props.onCreate({ role, expiresInDays: expiryDays(expiry) });
    if (created) setUrl(shareLinkUrl(props.serverUrl, created.secret));
  };

  return (
    <form className="share-section create-link" onSubmit={submit}>
      <h3>{t('editor.share.createHeading')}</h3>
      <p className="muted">{t('editor.share.createHint')}</p>
      <div className="create-link-fields">
        <GrantableRoleSelect label={t('editor.share.newRole')} value={role} onChange={setRole} />
        <span>
          <label htmlFor={expiryId}>{t('editor.share.expiry')}</label>
          <select id={expiryId} value={expiry} onChange={(event) => setExpiry(expiryChoiceOf(event.target.value))}>
            {linkExpiryChoices.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="primary" disabled={props.busy}>
          {t('editor.share.create')}
        </button>
      </div>
      {url && (
        <div className="new-link">
          <label htmlFor={urlId}>{t('editor.share.newLink')}</label>
          <div className="inline-form">
            <input id={urlId} type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
            <button type="button" onClick={async () => setCopied(await copyText(props.win, url))}>
              {t('editor.share.copy')}
            </button>
          </div>
          <p className="notice">{t('editor.share.shownOnce')}</p>
          <p aria-live="polite" className="muted">
            {copied === true && t('editor.share.copied')}
            {copied === false && t('editor.share.copyFailed')}
          </p>
        </div>
      )}
    </form>
  );
}
