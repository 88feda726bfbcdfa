/** "Share" in the draft's heading, for its owner: opens the share dialog, and takes focus back after. */
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { DialogButton } from '../../components/ModalDialog';
import { ShareDialog } from './ShareDialog';

export function ShareButton(props: {
  api: ApiClient;
  draftId: string;
  serverUrl: string;
  me: MeResponse;
  win: Window;
}) {
  const t = useT();
  return <DialogButton label={t('editor.share.open')} dialog={(close) => <ShareDialog {...props} onClose={close} />} />;
}
