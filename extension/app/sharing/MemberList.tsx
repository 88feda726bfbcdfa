/** Who has access to the draft; the owner changes others' roles or removes them (after asking). */
import { useId, useMemo } from 'react';
import { type GrantableRole, GrantableRoleSchema, grantableRoles } from '../../../shared/auth/roles';
import type { Member } from '../../../shared/protocol/api';
import { useT } from '../../components/i18n';
import { personLabels } from '../common/person-labels';
import { RoleBadge } from './RoleBadge';

export function MemberList(props: {
  members: Member[];
  meId: string;
  busy: boolean;
  confirm: (message: string) => boolean;
  onChangeRole: (userId: string, role: GrantableRole) => void;
  onRemove: (userId: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  const labels = useMemo(
    () =>
      personLabels(
        t,
        props.members.map(({ userId, name, guest }) => ({ id: userId, name, guest })),
      ),
    [t, props.members],
  );
  return (
    <section className="share-section">
      <h3 id={headingId}>{t('editor.share.membersHeading')}</h3>
      <ul className="member-list" aria-labelledby={headingId}>
        {props.members.map((member) => {
          const name = labels.get(member.userId) ?? member.name;
          return (
            <li key={member.userId} data-user-id={member.userId}>
              <span className="member-name">
                {name}
                {member.userId === props.meId && <span className="muted"> {t('editor.share.you')}</span>}
                {member.viaLink && <span className="muted"> · {t('editor.share.viaLink')}</span>}
              </span>
              {member.role === 'owner' ? (
                <RoleBadge value="owner" />
              ) : (
                <span className="member-actions">
                  <select
                    aria-label={t('editor.share.roleOf', { name })}
                    value={member.role}
                    disabled={props.busy}
                    onChange={(event) => {
                      const role = GrantableRoleSchema.safeParse(event.target.value);
                      if (role.success) props.onChangeRole(member.userId, role.data);
                    }}
                  >
                    {grantableRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    aria-label={t('editor.share.removeNamed', { name })}
                    disabled={props.busy}
                    onClick={() => {
                      if (props.confirm(t('editor.share.removeConfirm', { name }))) {
                        props.onRemove(member.userId);
                      }
                    }}
                  >
                    {t('editor.share.remove')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
