/** The admin page's workspaces: each with its members (add, remove), and a form for a new one. */
import { type FormEvent, useCallback, useId, useState } from 'react';
import type { AdminUser, AdminWorkspace } from '../../../shared/protocol/admin-api';
import type { AdminClient } from '../../api/admin-client';
import type { ApiResult } from '../../api/api-transport';
import { useT } from '../../components/i18n';
import { ActionOutcomeNote } from '../common/ActionOutcomeNote';
import { LoadState } from '../common/LoadState';
import { useActions, useLoaded } from '../common/use-loaded';

export function WorkspacesSection(props: { admin: AdminClient; users: AdminUser[] }) {
  const t = useT();
  const { admin } = props;
  const loadWorkspaces = useCallback(() => admin.workspaces(), [admin]);
  const workspaces = useLoaded(loadWorkspaces);
  const actions = useActions((reason) => `${t('admin.actionFailed')} ${t(`error.${reason}`)}`);
  const [newName, setNewName] = useState('');
  const nameId = useId();

  const act = async <T,>(action: () => Promise<ApiResult<T>>, done: (value: T) => string) => {
    const result = await actions.run(action, done);
    await workspaces.reload();
    return result;
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const created = await act(
      () => admin.createWorkspace(newName),
      (workspace) => t('admin.workspaces.created', { name: workspace.name }),
    );
    if (created) setNewName('');
  };

  return (
    <section className="admin-section" aria-labelledby="admin-workspaces">
      <h2 id="admin-workspaces">{t('admin.workspaces.heading')}</h2>
      <p className="muted">{t('admin.workspaces.hint')}</p>
      <LoadState
        loaded={workspaces}
        loadingText={t('admin.loading')}
        failedText={t('admin.loadFailed')}
        retryText={t('admin.retry')}
      >
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('admin.workspaces.empty')}</p>
          ) : (
            <ul className="admin-workspaces">
              {list.map((workspace) => (
                <WorkspaceCard
                  key={workspace.id}
                  workspace={workspace}
                  users={props.users}
                  busy={actions.busy}
                  onAdd={(user) =>
                    void act(
                      () => admin.addWorkspaceMember(workspace.id, user.id),
                      () => t('admin.workspaces.added', { name: user.name, workspace: workspace.name }),
                    )
                  }
                  onRemove={(member) =>
                    void act(
                      () => admin.removeWorkspaceMember(workspace.id, member.id),
                      () => t('admin.workspaces.removed', { name: member.name, workspace: workspace.name }),
                    )
                  }
                />
              ))}
            </ul>
          )
        }
      </LoadState>
      <form className="admin-form inline-form" onSubmit={create}>
        <label htmlFor={nameId}>{t('admin.workspaces.newName')}</label>
        <input
          id={nameId}
          required
          maxLength={100}
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
        />
        <button type="submit" disabled={actions.busy}>
          {t('admin.workspaces.create')}
        </button>
      </form>
      <ActionOutcomeNote outcome={actions.outcome} />
    </section>
  );
}

function WorkspaceCard(props: {
  workspace: AdminWorkspace;
  users: AdminUser[];
  busy: boolean;
  onAdd: (user: AdminUser) => void;
  onRemove: (member: { id: string; name: string }) => void;
}) {
  const t = useT();
  const { workspace } = props;
  const [chosen, setChosen] = useState('');
  const selectId = useId();
  const memberIds = new Set(workspace.members.map((member) => member.id));
  const candidates = props.users.filter((user) => !memberIds.has(user.id) && !user.guest);
  const add = (event: FormEvent) => {
    event.preventDefault();
    const user = candidates.find((candidate) => candidate.id === chosen);
    if (!user) return;
    setChosen('');
    props.onAdd(user);
  };
  return (
    <li className="admin-card">
      <h3>{workspace.name}</h3>
      {workspace.members.length === 0 ? (
        <p className="muted">{t('admin.workspaces.noMembers')}</p>
      ) : (
        <ul className="admin-members">
          {workspace.members.map((member) => (
            <li key={member.id}>
              {member.name}{' '}
              <button
                type="button"
                className="link-button"
                disabled={props.busy}
                aria-label={t('admin.workspaces.removeNamed', { name: member.name, workspace: workspace.name })}
                onClick={() => props.onRemove(member)}
              >
                {t('admin.workspaces.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <form className="inline-form" onSubmit={add}>
          <label htmlFor={selectId}>{t('admin.workspaces.addLabel', { workspace: workspace.name })}</label>
          <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{t('admin.workspaces.choose')}</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email ? `${user.name} (${user.email})` : user.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={props.busy || chosen === ''}>
            {t('admin.workspaces.add')}
          </button>
        </form>
      )}
    </li>
  );
}
