/** The user's role on a draft as a small label; `data-role` is what styles and tests read. */
import type { Role } from '../../../shared/auth/roles';
import { useT } from '../../components/i18n';

export function RoleBadge(props: { value: Role }) {
  const t = useT();
  return (
    <span className={`role-badge role-badge--${props.value}`} data-role={props.value}>
      {t(`role.${props.value}`)}
    </span>
  );
}
