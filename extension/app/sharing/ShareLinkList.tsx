/** The draft's share links: role, expiry, how many joined, revoked or not; the owner revokes them. */
import { useId } from 'react';
import type { ShareLink } from '../../../shared/protocol/api';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { RoleBadge } from './RoleBadge';
import { shareLinkState } from './share-link-state';

export function ShareLinkList(props: {
  links: ShareLink[];
  busy: boolean;
  now: Date;
  confirm: (message: string) => boolean;
  onRevoke: (linkId: string) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const time = (iso: string) => formatDateTime(iso, language);
  return (
    <section className="share-section">
      <h3 id={headingId}>{t('editor.share.linksHeading')}</h3>
      {props.links.length === 0 ? (
        <p className="muted">{t('editor.share.noLinks')}</p>
      ) : (
        <ul className="share-link-list" aria-labelledby={headingId}>
          {props.links.map((link) => {
            const state = shareLinkState(link, props.now);
            return (
              <li key={link.id} data-link-id={link.id} data-state={state}>
                <span className="share-link-facts">
                  <RoleBadge value={link.role} /> {t('editor.share.createdAt', { time: time(link.createdAt) })} ·{' '}
                  {state === 'revoked' && link.revokedAt && t('editor.share.revoked', { time: time(link.revokedAt) })}
                  {state === 'expired' && t('editor.share.expired')}
                  {state === 'active' &&
                    (link.expiresAt
                      ? t('editor.share.expires', { time: time(link.expiresAt) })
                      : t('editor.share.noExpiry'))}{' '}
                  · {t(link.members === 1 ? 'editor.share.joined.one' : 'editor.share.joined', { count: link.members })}
                </span>
                {state !== 'revoked' && (
                  <button
                    type="button"
                    aria-label={t('editor.share.revokeNamed', {
                      role: t(`role.${link.role}`),
                      time: time(link.createdAt),
                    })}
                    disabled={props.busy}
                    onClick={() => {
                      if (props.confirm(t('editor.share.revokeConfirm'))) props.onRevoke(link.id);
                    }}
                  >
                    {t('editor.share.revoke')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
