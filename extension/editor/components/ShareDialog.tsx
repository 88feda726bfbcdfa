/**
 * The owner's share dialog: members, share links, and a form for a new link. A modal <dialog>
 * (Escape closes it); where showModal is missing (jsdom) it is simply shown open.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { useShareSettings } from '../use-share-settings';
import { CreateShareLinkForm } from './CreateShareLinkForm';
import { MemberList } from './MemberList';
import { ShareLinkList } from './ShareLinkList';

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
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // "Expired" is judged against the time the dialog opened.
  const [now] = useState(() => new Date());
  const confirm = (message: string) => props.win.confirm(message);

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby={titleId}
      onClose={props.onClose}
      onKeyDown={onKeyDown}
    >
      <div className="share-dialog-header">
        <h2 id={titleId}>{t('editor.share.title')}</h2>
        <button type="button" onClick={props.onClose}>
          {t('editor.share.close')}
        </button>
      </div>
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
      <CreateShareLinkForm serverUrl={props.serverUrl} busy={share.busy} win={props.win} onCreate={share.create} />
    </dialog>
  );
}
