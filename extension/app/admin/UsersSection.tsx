/** The admin page's accounts: who is there, their state, and suspend, sign out everywhere, make administrator. */
import type { AdminUser } from '../../../shared/protocol/admin-api';
import type { AdminClient } from '../../api/admin-client';
import type { ApiResult } from '../../api/api-transport';
import { useLanguage, useT } from '../../components/i18n';
import { ActionOutcomeNote } from '../common/ActionOutcomeNote';
import { formatDateTime } from '../common/format-time';
import { LoadState } from '../common/LoadState';
import { type Loaded, useActions } from '../common/use-loaded';
import { InviteUserForm } from './InviteUserForm';

export function UsersSection(props: { admin: AdminClient; users: Loaded<AdminUser[]>; meId: string; win: Window }) {
  const t = useT();
  const [language] = useLanguage();
  const { admin, users, win } = props;
  const actions = useActions((reason) => `${t('admin.actionFailed')} ${t(`error.${reason}`)}`);

  const act = async <T,>(action: () => Promise<ApiResult<T>>, done: string) => {
    await actions.run(action, () => done);
    await users.reload();
  };
  const suspend = (user: AdminUser) => {
    if (!win.confirm(t('admin.users.suspendConfirm', { name: user.name }))) return;
    void act(() => admin.setSuspended(user.id, true), t('admin.users.suspended', { name: user.name }));
  };
  const signOut = (user: AdminUser) => {
    if (!win.confirm(t('admin.users.signOutConfirm', { name: user.name }))) return;
    void act(() => admin.signUserOutEverywhere(user.id), t('admin.users.signedOut', { name: user.name }));
  };

  const status = (user: AdminUser) =>
    [
      user.suspendedAt
        ? t('admin.users.suspendedSince', { date: formatDateTime(user.suspendedAt, language) })
        : t('admin.users.active'),
      user.isAdmin ? t('admin.users.isAdmin') : null,
      user.guest ? t('admin.users.guest') : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <section className="admin-section" aria-labelledby="admin-users">
      <h2 id="admin-users">{t('admin.users.heading')}</h2>
      <InviteUserForm admin={admin} onInvited={() => void users.reload()} />
      <LoadState
        loaded={users}
        loadingText={t('admin.loading')}
        failedText={t('admin.loadFailed')}
        retryText={t('admin.retry')}
      >
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('admin.users.empty')}</p>
          ) : (
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.name')}</th>
                  <th scope="col">{t('admin.users.email')}</th>
                  <th scope="col">{t('admin.users.status')}</th>
                  <th scope="col">{t('admin.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => {
                  const self = user.id === props.meId;
                  const name = { name: user.name };
                  return (
                    <tr key={user.id} data-user-id={user.id}>
                      <th scope="row">
                        {user.name} {self && <span className="muted">{t('admin.you')}</span>}
                      </th>
                      <td>{user.email ?? <span className="muted">{t('admin.users.noEmail')}</span>}</td>
                      <td>{status(user)}</td>
                      <td>
                        <div className="admin-actions">
                          {!self &&
                            (user.suspendedAt ? (
                              <button
                                type="button"
                                disabled={actions.busy}
                                aria-label={t('admin.users.unsuspendNamed', name)}
                                onClick={() =>
                                  void act(() => admin.setSuspended(user.id, false), t('admin.users.unsuspended', name))
                                }
                              >
                                {t('admin.users.unsuspend')}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="danger"
                                disabled={actions.busy}
                                aria-label={t('admin.users.suspendNamed', name)}
                                onClick={() => suspend(user)}
                              >
                                {t('admin.users.suspend')}
                              </button>
                            ))}
                          {!self && !user.suspendedAt && (
                            <button
                              type="button"
                              disabled={actions.busy}
                              aria-label={t('admin.users.signOutNamed', name)}
                              onClick={() => signOut(user)}
                            >
                              {t('admin.users.signOut')}
                            </button>
                          )}
                          {!self && !user.guest && (
                            <button
                              type="button"
                              disabled={actions.busy}
                              aria-label={t(
                                user.isAdmin ? 'admin.users.unmakeAdminNamed' : 'admin.users.makeAdminNamed',
                                name,
                              )}
                              onClick={() =>
                                void act(
                                  () => admin.setAdmin(user.id, !user.isAdmin),
                                  t(user.isAdmin ? 'admin.users.unmadeAdmin' : 'admin.users.madeAdmin', name),
                                )
                              }
                            >
                              {t(user.isAdmin ? 'admin.users.unmakeAdmin' : 'admin.users.makeAdmin')}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </LoadState>
      <ActionOutcomeNote outcome={actions.outcome} />
    </section>
  );
}
