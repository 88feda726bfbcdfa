/**
 * "Ekspor" in the draft's heading, for everyone who can read the draft, online or offline: opens
 * the export dialog, and takes focus back after.
 */
import type * as Y from 'yjs';
import { useT } from '../../components/i18n';
import { DialogButton } from '../../components/ModalDialog';
import { LazyBoundary, lazyView } from '../common/lazy-view';

// Loaded when first opened: the export writers are not needed to open a draft.
const ExportDialog = lazyView(() => import('./ExportDialog').then((module) => module.ExportDialog));

export function ExportButton(props: {
  draft: Y.Doc;
  feedback: Y.Doc | null;
  title: string;
  /** Printing prints the page: only the media view shows the document. */
  canPrint: boolean;
  win: Window;
}) {
  const t = useT();
  return (
    <DialogButton
      label={t('export.open')}
      dialog={(close) => (
        <LazyBoundary>
          <ExportDialog {...props} onClose={close} />
        </LazyBoundary>
      )}
    />
  );
}
