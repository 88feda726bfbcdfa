/** The account's sessions: what kind of device, since when, until when, this one marked; others can be ended. */
import type { SessionInfo } from '../../../shared/protocol/auth-api';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { deviceName } from './device-name';

export function SessionList(props: { sessions: SessionInfo[]; busy: boolean; onEnd: (sessionId: string) => void }) {
  const t = useT();
  const [language] = useLanguage();
  if (props.sessions.length === 0) return <p className="muted">{t('account.sessions.empty')}</p>;
  // This device first, then the newest.
  const sorted = [...props.sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className="session-list">
      {sorted.map((session) => {
        const kind = t(`account.kind.${session.kind}`);
        const created = formatDateTime(session.createdAt, language);
        return (
          <li key={session.id} className="session-item" data-current={session.current || undefined}>
            <div>
              <strong>{kind}</strong>
              {session.label && (
                <span className="muted" title={session.label}>
                  {' · '}
                  {deviceName(session.label)}
                </span>
              )}
              {session.current && <span className="badge">{t('account.sessions.current')}</span>}
              <div className="muted">
                <time dateTime={session.createdAt}>{t('account.sessions.created', { date: created })}</time>
                {' · '}
                <time dateTime={session.expiresAt}>
                  {t('account.sessions.expires', { date: formatDateTime(session.expiresAt, language) })}
                </time>
              </div>
            </div>
            {!session.current && (
              <button
                type="button"
                disabled={props.busy}
                aria-label={t('account.sessions.endNamed', { kind, date: created })}
                onClick={() => props.onEnd(session.id)}
              >
                {t('account.sessions.end')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
