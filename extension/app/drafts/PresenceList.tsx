/** Who has this draft open right now, each with their caret colour. */
import { useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useT } from '../../components/i18n';
import { personLabels } from '../common/person-labels';
import { usePresence } from './use-presence';

export function PresenceList(props: { awareness: Awareness }) {
  const t = useT();
  const users = usePresence(props.awareness);
  const labels = useMemo(
    () =>
      personLabels(
        t,
        users.map(({ id, name, guest }) => ({ id, name, guest: guest ?? false })),
      ),
    [t, users],
  );
  return (
    <ul className="presence" aria-label={t('editor.presence.label')}>
      {users.map((user) => (
        <li key={user.id}>
          <span className="presence-dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
          {labels.get(user.id) ?? user.name}
          {user.isSelf && <span className="muted"> ({t('editor.presence.you')})</span>}
        </li>
      ))}
    </ul>
  );
}
