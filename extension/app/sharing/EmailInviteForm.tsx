/**
 * "Undang lewat email" in the share dialog: an address and a role; the server mails a one-time
 * link that signs the person in and opens the draft. A guest is told why she cannot, instead of a form.
 */
import { type FormEvent, useId, useState } from 'react';
import type { GrantableRole } from '../../../shared/auth/roles';
import type { ApiClient } from '../../api/api-client';
import { useLanguage, useT } from '../../components/i18n';
import { ActionOutcomeNote } from '../common/ActionOutcomeNote';
import { SIGN_IN_HREF } from '../common/page-route';
import { useActions } from '../common/use-loaded';
import { GrantableRoleSelect } from './GrantableRoleSelect';

export function EmailInviteForm(props: {
  api: ApiClient;
  draftId: string;
  guest: boolean;
  /** After a sent invitation: someone who already has an account is a member now. */
  onInvited: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GrantableRole>('commenter');
  const emailId = useId();
  const actions = useActions((reason) => `${t('account.invite.failed')} ${t(`error.${reason}`)}`);

  if (props.guest) {
    return (
      <section className="share-section email-invite">
        <h3>{t('account.invite.heading')}</h3>
        <p className="notice">{t('account.invite.guest')}</p>
        <a href={SIGN_IN_HREF}>{t('signin.guest.keep')}</a>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await actions.run(
      () => props.api.inviteByEmail(props.draftId, { email, role, language }),
      (address) => t('account.invite.sent', { email: address }),
      (reason) => {
        if (reason === 'unavailable') return t('account.invite.unavailable');
        if (reason === 'bad-request') return t('account.invite.badAddress');
        return null;
      },
    );
    if (!sent) return;
    setEmail('');
    props.onInvited();
  };

  return (
    <form className="share-section email-invite" onSubmit={submit}>
      <h3>{t('account.invite.heading')}</h3>
      <p className="muted">{t('account.invite.hint')}</p>
      <div className="create-link-fields">
        <span>
          <label htmlFor={emailId}>{t('account.invite.email')}</label>
          <input
            id={emailId}
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </span>
        <GrantableRoleSelect label={t('account.invite.role')} value={role} onChange={setRole} />
        <button type="submit" className="primary" disabled={actions.busy}>
          {t('account.invite.send')}
        </button>
      </div>
      <ActionOutcomeNote outcome={actions.outcome} busyText={actions.busy ? t('account.invite.sending') : null} />
    </form>
  );
}
