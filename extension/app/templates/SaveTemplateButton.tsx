/**
 * "Simpan sebagai templat" in the draft's heading, for its owner when they belong to a workspace
 * (their school's teacher community): opens the dialog, and takes the focus back after.
 */
import type { Workspace } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { DialogButton } from '../../components/ModalDialog';
import { LazyBoundary, lazyView } from '../common/lazy-view';

// Loaded when first opened: saving a template is not needed to open a draft.
const SaveTemplateDialog = lazyView(() => import('./SaveTemplateDialog').then((module) => module.SaveTemplateDialog));

export function SaveTemplateButton(props: {
  api: ApiClient;
  draftId: string;
  title: string;
  workspaces: readonly Workspace[];
}) {
  const t = useT();
  return (
    <DialogButton
      label={t('cycle.template.open')}
      dialog={(close) => (
        <LazyBoundary>
          <SaveTemplateDialog {...props} onClose={close} />
        </LazyBoundary>
      )}
    />
  );
}
