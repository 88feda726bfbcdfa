/** "Undang pengguna lewat email": the account is made with this name and a sign-in link is mailed. */
import { type FormEvent, useId, useState } from 'react';
import type { AdminClient } from '../../api/admin-client';
import { useLanguage, useT } from '../../components/i18n';
import { ActionOutcomeNote } from '../common/ActionOutcomeNote';
import { useActions } from '../common/use-loaded';

export function InviteUserForm(props: { admin: AdminClient; onInvited: () => void }) {
  const t = useT();
  const [language] = useLanguage();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [nameId, emailId, adminId] = [useId(), useId(), useId()];
  const actions = useActions((reason) => `${t('admin.actionFailed')} ${t(`error.${reason}`)}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invited = await actions.run(
      () => props.admin.inviteUser({ name, email, isAdmin, language }),
      ({ user, sent }) =>
        sent
          ? t('admin.invite.sent', { email: user.email ?? email, name: user.name })
          : t('admin.invite.notSent', { name: user.name }),
      (reason) =>
        reason === 'conflict'
          ? t('admin.invite.conflict')
          : reason === 'bad-request'
            ? t('admin.invite.invalid')
            : null,
    );
    if (!invited) return;
    setName('');
    setEmail('');
    setIsAdmin(false);
    props.onInvited();
  };

  return (
    <form className="admin-form" onSubmit={submit}>
      <h3>{t('admin.invite.heading')}</h3>
      <p className="muted">{t('admin.invite.hint')}</p>
      <div className="admin-form-fields">
        <span>
          <label htmlFor={nameId}>{t('admin.invite.name')}</label>
          <input id={nameId} required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
        </span>
        <span>
          <label htmlFor={emailId}>{t('admin.invite.email')}</label>
          <input
            id={emailId}
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </span>
        <span className="admin-check">
          <input
            id={adminId}
            type="checkbox"
            checked={isAdmin}
            onChange={(event) => setIsAdmin(event.target.checked)}
          />
          <label htmlFor={adminId}>{t('admin.invite.admin')}</label>
        </span>
        <button type="submit" className="primary" disabled={actions.busy}>
          {t('admin.invite.send')}
        </button>
      </div>
      <ActionOutcomeNote outcome={actions.outcome} busyText={actions.busy ? t('admin.invite.sending') : null} />
    </form>
  );
}
