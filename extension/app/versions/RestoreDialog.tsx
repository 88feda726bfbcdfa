/** "Pulihkan …?": says what a restore does before it happens (nothing is lost: the content now is kept first). */
import { useT } from '../../components/i18n';
import { ModalDialog } from '../../components/ModalDialog';

export function RestoreDialog(props: { name: string; onConfirm: () => void; onClose: () => void }) {
  const t = useT();
  return (
    <ModalDialog
      title={t('versions.restore.title', { name: props.name })}
      closeLabel={t('versions.restore.cancel')}
      className="share-dialog version-restore-dialog"
      onClose={props.onClose}
    >
      <p>{t('versions.restore.body')}</p>
      <div className="version-dialog-actions">
        <button type="button" className="primary" onClick={props.onConfirm}>
          {t('versions.restore.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}
