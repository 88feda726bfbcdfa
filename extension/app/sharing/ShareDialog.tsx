/** The owner's share dialog: members, share links, a form for a new link, and an invitation by email. */
import { useState } from 'react';
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { ModalDialog } from '../../components/ModalDialog';
import { CreateShareLinkForm } from './CreateShareLinkForm';
import { EmailInviteForm } from './EmailInviteForm';
import { MemberList } from './MemberList';
import { ShareLinkList } from './ShareLinkList';
import { useShareSettings } from './use-share-settings';

export function ShareDialog(props: {
  api: ApiClient;
  draftId: string;
  serverUrl: string;
  me: MeResponse;
  win: Window;
  onClose: () => void;
}) {
  const t = useT();
  const share = useShareSettings(props.api, props.draftId);
  // "Expired" is judged against the time the dialog opened.
  const [now] = useState(() => new Date());
  const confirm = (message: string) => props.win.confirm(message);

  return (
    <ModalDialog
      title={t('editor.share.title')}
      closeLabel={t('editor.share.close')}
      className="share-dialog"
      onClose={props.onClose}
    >
      <p className="muted">{t('editor.share.rolesHint')}</p>
      {share.problem && (
        <p role="alert" className="problem">
          {t(`error.${share.problem}`)}
        </p>
      )}
      {share.members === null && share.links === null && !share.problem && (
        <p className="muted">{t('editor.share.loading')}</p>
      )}
      {share.members && (
        <MemberList
          members={share.members}
          meId={props.me.id}
          busy={share.busy}
          confirm={confirm}
          onChangeRole={(userId, role) => void share.changeRole(userId, role)}
          onRemove={(userId) => void share.remove(userId)}
        />
      )}
      {share.links && (
        <ShareLinkList
          links={share.links}
          busy={share.busy}
          now={now}
          confirm={confirm}
          onRevoke={(linkId) => void share.revoke(linkId)}
        />
      )}
      <EmailInviteForm
        api={props.api}
        draftId={props.draftId}
        guest={props.me.guest === true}
        onInvited={() => void share.refresh()}
      />
      <CreateShareLinkForm serverUrl={props.serverUrl} busy={share.busy} win={props.win} onCreate={share.create} />
    </ModalDialog>
  );
}
