/**
 * The admin page (`?view=admin`): accounts, workspaces and their members, which mentor accompanies
 * which teacher, and storage per draft — one section each. Someone who is not an administrator is
 * told so plainly; the server refuses their calls anyway.
 */
import { useCallback, useMemo } from 'react';
import type { MeResponse } from '../../../shared/protocol/api';
import { type AdminClient, createAdminClient } from '../../api/admin-client';
import { useT } from '../../components/i18n';
import { EDITOR_PAGE } from '../common/page-route';
import { useLoaded } from '../common/use-loaded';
import { AssignmentsSection } from './AssignmentsSection';
import { StorageSection } from './StorageSection';
import { UsersSection } from './UsersSection';
import { WorkspacesSection } from './WorkspacesSection';
import './admin.css';

export function AdminPage(props: { serverUrl: string; token: string | null; me: MeResponse; win: Window }) {
  const t = useT();
  const { serverUrl, token, me } = props;
  const admin = useMemo(() => createAdminClient(serverUrl, token), [serverUrl, token]);
  if (!me.isAdmin || me.sessionKind === 'extension') {
    return (
      <main className="panel admin-page">
        <h1>{t('admin.title')}</h1>
        <p role="alert" className="problem">
          {t(me.isAdmin ? 'admin.extension' : 'admin.refused')}
        </p>
        <a href={EDITOR_PAGE}>{t('editor.draft.allDrafts')}</a>
      </main>
    );
  }
  return <AdminSections admin={admin} me={me} win={props.win} />;
}

function AdminSections(props: { admin: AdminClient; me: MeResponse; win: Window }) {
  const t = useT();
  const { admin } = props;
  const loadUsers = useCallback(() => admin.users(), [admin]);
  const users = useLoaded(loadUsers);
  return (
    <main className="panel admin-page">
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.intro')}</p>
      <UsersSection admin={admin} users={users} meId={props.me.id} win={props.win} />
      <WorkspacesSection admin={admin} users={users.value ?? []} />
      <AssignmentsSection admin={admin} users={users.value ?? []} />
      <StorageSection admin={admin} />
    </main>
  );
}
