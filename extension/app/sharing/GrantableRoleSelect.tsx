/** The role someone gets through a link or an invitation: one labelled select, the same in both forms. */
import { useId } from 'react';
import { type GrantableRole, GrantableRoleSchema, grantableRoles } from '../../../shared/auth/roles';
import { useT } from '../../components/i18n';

export function GrantableRoleSelect(props: {
  label: string;
  value: GrantableRole;
  onChange: (role: GrantableRole) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(GrantableRoleSchema.catch('commenter').parse(event.target.value))}
      >
        {grantableRoles.map((option) => (
          <option key={option} value={option}>
            {t(`role.${option}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
