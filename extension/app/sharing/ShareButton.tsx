/** "Share" in the draft's heading, for its owner: opens the share dialog, and takes focus back after. */
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { DialogButton } from '../../components/ModalDialog';
import { LazyBoundary, lazyView } from '../common/lazy-view';

// Loaded when first opened: sharing is not needed to open a draft.
const ShareDialog = lazyView(() => import('./ShareDialog').then((module) => module.ShareDialog));

export function ShareButton(props: {
  api: ApiClient;
  draftId: string;
  serverUrl: string;
  me: MeResponse;
  win: Window;
}) {
  const t = useT();
  return (
    <DialogButton
      label={t('editor.share.open')}
      dialog={(close) => (
        <LazyBoundary>
          <ShareDialog {...props} onClose={close} />
        </LazyBoundary>
      )}
    />
  );
}
