/** Says above the draft why it cannot be edited here: the user may only comment on it or view it. */
import type { Role } from '../../../shared/auth/roles';
import { useT } from '../../components/i18n';

export function ReadOnlyBanner(props: { role: Role }) {
  const t = useT();
  return (
    <p role="note" className="read-only-banner" data-testid="read-only-banner" data-role={props.role}>
      {t(props.role === 'commenter' ? 'editor.readOnly.commenter' : 'editor.readOnly.viewer')}
    </p>
  );
}
